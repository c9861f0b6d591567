// Number and date notation inside human messages: Dutch readers expect a decimal comma and
// DD-MM-YYYY; the English messages keep the decimal point and ISO dates.

import type { Lang } from './lang.js';

export type { Lang };

/** Up to `decimals` decimals, trailing zeros dropped, no thousands separator (1600 uur). */
export function num(n: number, lang: Lang, decimals = 2): string {
  const f = 10 ** decimals;
  const s = String(Math.round(n * f) / f);
  return lang === 'nl' ? s.replace('.', ',') : s;
}

/** Hours as entered: four decimals keep 7,3333 from being shown as a rounded 7,33. */
export function hrs(n: number, lang: Lang): string {
  return num(n, lang, 4);
}

export function date(iso: string, lang: Lang): string {
  return lang === 'nl' ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : iso;
}

/** "1 registratie" / "3 registraties". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a, b en c" / "a, b and c". */
export function list(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'nl' ? ' en ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}
