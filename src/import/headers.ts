// Header matching (SPEC §2): case-insensitive, ignoring spaces, '-', '_' and '.', so that
// "E-mail praktijkopleider" finds email_praktijkopleider; --map covers everything else.
import { UsageError } from '../errors.js';
import { msg } from '../i18n/messages.js';
import { editDistance } from '../util/edit-distance.js';

export interface ColumnSpec {
  name: string;
  required: boolean;
}

export const normalizeHeader = (h: string): string => h.toLowerCase().replace(/[\s\-_.]/g, '');

export interface HeaderMapping {
  /** canonical column → index in the record */
  index: Map<string, number>;
  /** headers that map to no known column, as written in the file */
  unknown: string[];
}

/** Parses repeated `--map canonical=Header` flags. */
export function parseMapFlags(flags: readonly string[] | undefined, columns: readonly ColumnSpec[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of flags ?? []) {
    const eq = f.indexOf('=');
    if (eq <= 0) throw new UsageError(msg().mapFlagSyntax(f));
    const canonical = f.slice(0, eq).trim();
    const header = f.slice(eq + 1).trim();
    const col = columns.find((c) => normalizeHeader(c.name) === normalizeHeader(canonical));
    if (!col) throw new UsageError(msg().mapFlagUnknownColumn(canonical, columns.map((c) => c.name)));
    out.set(col.name, header);
  }
  return out;
}

/**
 * Whether `short` is a clerk's abbreviation of `long` (both normalized): the same start, at
 * least three letters, then some of the letters of the rest in their order: "studentnr" for
 * studentnummer, "emailpo" for email_praktijkopleider, "urenpw" for uren_per_week. Too far
 * apart for an edit distance.
 */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 4 || short.length >= long.length) return false;
  let k = 0;
  while (k < short.length && short[k] === long[k]) k++;
  if (k < 3) return false;
  let j = k;
  for (let i = k; i < short.length; i++) {
    // "p/w": the signs between the letters are not letters of the word
    if (!/[a-z0-9]/.test(short[i]!)) continue;
    j = long.indexOf(short[i]!, j);
    if (j < 0) return false;
    j++;
  }
  return true;
}

/** The file's header closest to a missing column, when close enough to be a likely typo. */
export function didYouMean(column: string, candidates: readonly string[]): string | undefined {
  const target = normalizeHeader(column);
  let best: string | undefined;
  let bestD = Infinity;
  let bestRaw = Infinity;
  for (const c of candidates) {
    const n = normalizeHeader(c);
    const d = editDistance(target, n);
    const containment = n.length >= 4 && (target.includes(n) || n.includes(target));
    const score = containment || abbreviates(n, target) ? Math.min(d, 2) : d;
    // of two as likely, the closer spelling ("Urenweek" rather than "Uren" for uren_per_week)
    if (score < bestD || (score === bestD && d < bestRaw)) { bestD = score; bestRaw = d; best = c; }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(target.length / 4)) ? best : undefined;
}

export interface MissingColumn {
  column: string;
  suggestion?: string | undefined;
}

export function mapHeaders(
  header: readonly string[],
  columns: readonly ColumnSpec[],
  explicit: Map<string, string>,
): HeaderMapping & { missing: MissingColumn[] } {
  const index = new Map<string, number>();
  const used = new Set<number>();
  const byNorm = new Map<string, number>();
  header.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (n && !byNorm.has(n)) byNorm.set(n, i);
  });
  for (const [canonical, h] of explicit) {
    // the header as written first: --map is how one of two twins ("Uren", "uren") is chosen
    const exact = header.flatMap((x, k) => (x.trim() === h ? [k] : []));
    const alike = exact.length ? exact : header.flatMap((x, k) => (normalizeHeader(x) === normalizeHeader(h) ? [k] : []));
    if (alike.length === 0) throw new UsageError(msg().mapFlagHeaderNotFound(h, header));
    if (alike.length > 1) throw new UsageError(msg().headerTwice(canonical, alike.map((k) => [header[k]!, k + 1] as const)));
    index.set(canonical, alike[0]!);
    used.add(alike[0]!);
  }
  for (const c of columns) {
    if (index.has(c.name)) continue;
    const norm = normalizeHeader(c.name);
    const i = byNorm.get(norm);
    // two headers for one column ("uren" and "Uren"): which one holds the hours is a guess
    const twins = header.flatMap((h, k) => (normalizeHeader(h) === norm ? [k] : []));
    if (twins.length > 1 && !used.has(i!)) throw new UsageError(msg().headerTwice(c.name, twins.map((k) => [header[k]!, k + 1] as const)));
    if (i !== undefined && !used.has(i)) {
      index.set(c.name, i);
      used.add(i);
    }
  }
  const unknown = header.filter((h, i) => !used.has(i) && h.trim() !== '');
  const missing = columns
    .filter((c) => c.required && !index.has(c.name))
    .map((c) => ({ column: c.name, suggestion: didYouMean(c.name, unknown) }));
  return { index, unknown, missing };
}
