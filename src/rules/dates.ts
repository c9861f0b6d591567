// Calendar arithmetic on epoch days (whole days since 1970-01-01). The validator touches a
// million dates per run; integer day numbers make "the Monday after", "30 days later" and
// "inside this holiday" plain integer comparisons instead of Date objects and time zones.

import type { IsoDate } from '../domain/types.js';

/** Days since 1970-01-01 (proleptic Gregorian, no time zone involved). */
export type EpochDay = number;

const DASH = 45;
const ZERO = 48;

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : NaN;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[m - 1] ?? NaN);
}

// Howard Hinnant's days_from_civil: exact for every Gregorian date, no Date object needed.
export function daysFromCivil(year: number, m: number, d: number): EpochDay {
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Civil {
  y: number;
  m: number;
  d: number;
}

export function civilFromDays(day: EpochDay): Civil {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** A stored date that is not YYYY-MM-DD; the engine names the placement it belongs to. */
export class InvalidDateError extends RangeError {
  constructor(readonly value: string) {
    super(`Ongeldige datum "${value}" (verwacht JJJJ-MM-DD)`);
    this.name = 'InvalidDateError';
  }
}

/** Parses YYYY-MM-DD; returns null for anything else, including 2026-02-30. */
export function parseCivil(iso: string): Civil | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== DASH || iso.charCodeAt(7) !== DASH) return null;
  const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const m = digit(iso, 5) * 10 + digit(iso, 6);
  const d = digit(iso, 8) * 10 + digit(iso, 9);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return null;
  return { y, m, d };
}

/** Like parseCivil, but a malformed date throws InvalidDateError. */
export function toCivil(iso: IsoDate): Civil {
  const c = parseCivil(iso);
  if (c === null) throw new InvalidDateError(iso);
  return c;
}

export function isIsoDate(iso: string): boolean {
  return parseCivil(iso) !== null;
}

/**
 * Epoch day of an ISO date. Throws on a malformed date: silently skipping one would hide
 * findings. Called once per entry, so it parses in place instead of allocating a Civil.
 */
export function toDay(iso: IsoDate): EpochDay {
  if (iso.length === 10 && iso.charCodeAt(4) === DASH && iso.charCodeAt(7) === DASH) {
    const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
    const m = digit(iso, 5) * 10 + digit(iso, 6);
    const d = digit(iso, 8) * 10 + digit(iso, 9);
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return daysFromCivil(y, m, d);
  }
  throw new InvalidDateError(iso);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function toIso(day: EpochDay): IsoDate {
  const { y, m, d } = civilFromDays(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: EpochDay): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function mondayOf(day: EpochDay): EpochDay {
  return day - weekday(day);
}

// A run touches a few hundred distinct weeks but a million entries: format each week once.
const weekCache = new Map<EpochDay, string>();

/** ISO week `YYYY-Www` of the week starting on `monday`; the year is the ISO week-year. */
export function isoWeekOfMonday(monday: EpochDay): string {
  let w = weekCache.get(monday);
  if (w === undefined) {
    // The ISO week belongs to the year that holds its Thursday.
    const thursday = monday + 3;
    const year = civilFromDays(thursday).y;
    const n = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
    w = `${year}-W${pad2(n)}`;
    weekCache.set(monday, w);
  }
  return w;
}

export function isoWeek(day: EpochDay): string {
  return isoWeekOfMonday(mondayOf(day));
}

/** Monday of an ISO week `YYYY-Www`, or null when malformed or the year has no such week. */
export function mondayOfIsoWeek(week: string): EpochDay | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const n = Number(match[2]);
  const jan4 = daysFromCivil(year, 1, 4);
  const monday = mondayOf(jan4) + (n - 1) * 7;
  return n >= 1 && isoWeekOfMonday(monday) === week ? monday : null;
}

/**
 * The day someone born on `birth` turns `years` old.
 *
 * 29 February: in a year without one, the birthday is taken to be 1 March. Dutch law has no
 * explicit rule; 1 March is when the full number of years has certainly passed, and for the
 * protective rules (Arbeidstijdenwet limits, the guardian's signature) it keeps the stricter
 * limits one day longer rather than one day too short. `ageOn` follows the same choice.
 */
export function birthdayDay(birth: Civil, years: number): EpochDay {
  const y = birth.y + years;
  if (birth.m === 2 && birth.d === 29 && !isLeapYear(y)) return daysFromCivil(y, 3, 1);
  return daysFromCivil(y, birth.m, birth.d);
}

/** Age in whole years on `day` (a birthday counts from that day on). */
export function ageOn(birth: Civil, day: EpochDay): number {
  const c = civilFromDays(day);
  const beforeBirthday = c.m < birth.m || (c.m === birth.m && c.d < birth.d);
  return c.y - birth.y - (beforeBirthday ? 1 : 0);
}
