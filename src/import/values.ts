// Parsers for the values clerks type into spreadsheets (SPEC §2 "Values"). Each returns the
// normalised value or a Dutch reason; none of them guesses: an ambiguous value is an error
// that says how to write it, never a silent misreading.
import { msg } from '../i18n/messages.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  if (m === 2 && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= DAYS_IN_MONTH[m - 1]!;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Day first, always: Dutch sources never use US order, and guessing would corrupt dates.
const DMY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;

/** YYYY-MM-DD exactly: the common case of exports, checked without slices or regular expressions. */
function fastIso(s: string): string | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return isValidYmd(y, m, d) ? s : undefined;
}

export function parseDate(raw: string): Parsed<string> {
  const fast = fastIso(raw);
  if (fast !== undefined) return { ok: true, value: fast };
  const s = raw.trim();
  let y: number, m: number, d: number;
  let mt = ISO.exec(s);
  if (mt) {
    y = Number(mt[1]); m = Number(mt[2]); d = Number(mt[3]);
  } else if ((mt = DMY.exec(s))) {
    d = Number(mt[1]); m = Number(mt[3]); y = Number(mt[4]);
  } else {
    return bad(msg().valDate(raw));
  }
  if (!isValidYmd(y, m, d)) return bad(msg().valDate(raw));
  return ok(`${y}-${pad2(m)}-${pad2(d)}`);
}

/**
 * Hours with `.` or `,` as decimal separator. `1.600` could be 1600 (Dutch thousands) or 1,6:
 * refused with a hint rather than guessed.
 */
export function parseHours(raw: string): Parsed<number> {
  const fast = plainHours(raw);
  if (fast !== undefined) return { ok: true, value: fast };
  const s = raw.trim().replace(/\s/g, '');
  if (/^[1-9]\d{0,2}(\.\d{3})+$/.test(s)) return bad(msg().valHoursAmbiguous(raw));
  let t = s;
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(t)) t = t.replace(/\./g, ''); // 1.234,5
  if (/^-\d+([.,]\d+)?$/.test(t)) return bad(msg().valNegative(raw));
  if (!/^\d+([.,]\d+)?$/.test(t)) return bad(msg().valNumber(raw));
  // The rules compare hours exactly, in units of 1/10000 hour (src/rules/hours.ts): a finer
  // value would be compared rounded, so it is refused rather than stored as given.
  if (/[.,]\d{4}\d*[1-9]/.test(t)) return bad(msg().valHoursPrecision(raw));
  return ok(Number(t.replace(',', '.')));
}

/**
 * The common case without regular expressions: digits, or digits, one `.` or `,` and one or two
 * digits (three after a `.` may be Dutch thousands: the careful path says so).
 */
function plainHours(s: string): number | undefined {
  const n = s.length;
  if (n === 0 || n > 6) return undefined;
  let sep = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c === 44 || c === 46) && sep < 0 && i > 0 && i < n - 1) {
      sep = i;
      continue;
    }
    return undefined;
  }
  if (sep < 0) return Number(s);
  if (n - sep - 1 > 2) return undefined;
  return Number(s.charCodeAt(sep) === 44 ? `${s.slice(0, sep)}.${s.slice(sep + 1)}` : s);
}

export function parseDigits(raw: string, length: number, what: 'kvk' | 'vestigingsnummer'): Parsed<string> {
  const s = raw.trim().replace(/[\s]/g, '');
  if (!new RegExp(`^\\d{${length}}$`).test(s)) {
    const short = /^\d+$/.test(s) && s.length < length;
    return bad(msg().valDigits(raw, length, what, short));
  }
  return ok(s);
}

export function parseCrebo(raw: string): Parsed<string> {
  const s = raw.trim().replace(/^(\d{2})\.(\d{3})$/, '$1$2');
  return /^\d{5}$/.test(s) ? ok(s) : bad(msg().valCrebo(raw));
}

export function parseNiveau(raw: string): Parsed<number> {
  const s = raw.trim();
  return /^[1-4]$/.test(s) ? ok(Number(s)) : bad(msg().valNiveau(raw));
}

export function parseLeerweg(raw: string): Parsed<'BOL' | 'BBL'> {
  const s = raw.trim().toUpperCase();
  return s === 'BOL' || s === 'BBL' ? ok(s) : bad(msg().valLeerweg(raw));
}

export function parsePostcode(raw: string): Parsed<string> {
  const m = /^([1-9]\d{3})\s*([a-zA-Z]{2})$/.exec(raw.trim());
  return m ? ok(`${m[1]} ${m[2]!.toUpperCase()}`) : bad(msg().valPostcode(raw));
}

// Deliberately simple: one @, no spaces, a dot in the domain. Stricter checks reject real
// school addresses more often than they catch typos.
const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[a-z]{2,}$/i;

export function parseEmail(raw: string): Parsed<string> {
  const s = raw.trim().toLowerCase();
  return EMAIL.test(s) ? ok(s) : bad(msg().valEmail(raw));
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', '1']);
const NO = new Set(['nee', 'n', 'no', 'false', '0']);

export function parseJaNee(raw: string): Parsed<boolean> {
  const s = raw.trim().toLowerCase();
  if (YES.has(s)) return ok(true);
  if (NO.has(s)) return ok(false);
  return bad(msg().valJaNee(raw));
}

export function parseOneOf<T extends string>(raw: string, options: readonly T[]): Parsed<T> {
  const s = raw.trim().toLowerCase() as T;
  return options.includes(s) ? ok(s) : bad(msg().valOneOf(raw, options));
}
