// Dates and numbers as a Dutch reader expects them on a contract. Written by hand instead of
// Intl so the PDF bytes do not depend on which ICU data a Node build carries: the POK must be
// byte-identical for the same data on every machine.

import type { IsoDate } from '../domain/types.js';

const MAANDEN = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(iso: IsoDate): [number, number, number] {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new TypeError(`geen ISO-datum: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** `2026-09-01` → `1 september 2026` */
export function datumLang(iso: IsoDate): string {
  const [y, m, d] = parts(iso);
  return `${d} ${MAANDEN[m - 1]} ${y}`;
}

/** `2026-09-01` → `01-09-2026` */
export function datumKort(iso: IsoDate): string {
  const [y, m, d] = parts(iso);
  return `${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}`;
}

/**
 * Decimal comma, thousands dot, at most two decimals, no trailing zeros:
 * 1600 → `1.600`, 32.5 → `32,5`, 7.25 → `7,25`.
 */
export function getal(n: number): string {
  const neg = n < 0;
  const cents = Math.round(Math.abs(n) * 100);
  const int = Math.floor(cents / 100);
  const frac = cents % 100;
  const intText = String(int).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  let fracText = '';
  if (frac !== 0) fracText = ',' + String(frac).padStart(2, '0').replace(/0$/, '');
  return (neg ? '-' : '') + intText + fracText;
}

/**
 * Age in whole years on a day. Someone born on 29 February turns a year older on 1 March in
 * a non-leap year (the day after 28 February), which is how Dutch registers count it.
 */
export function leeftijdOp(geboortedatum: IsoDate, dag: IsoDate): number {
  const [by, bm, bd] = parts(geboortedatum);
  const [y, m, d] = parts(dag);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** A student under 18 on the start date needs the guardian's signature (WEB art. 7.2.8). */
export function minderjarigOp(geboortedatum: IsoDate, dag: IsoDate): boolean {
  return leeftijdOp(geboortedatum, dag) < 18;
}

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1]!;
}
