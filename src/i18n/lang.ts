// The language of every message a person reads. Dutch unless --lang en or BPV_LANG=en.
export type Lang = 'nl' | 'en';

let current: Lang = process.env.BPV_LANG === 'en' ? 'en' : 'nl';

export function setLang(lang: string | undefined): void {
  if (lang === 'en' || lang === 'nl') current = lang;
}

export function lang(): Lang {
  return current;
}

/** Numbers for people: decimal comma in Dutch, no trailing zeros. */
export function fmtNumber(n: number, l: Lang = current): string {
  const s = String(Math.round(n * 100) / 100);
  return l === 'nl' ? s.replace('.', ',') : s;
}

/** ISO date to DD-MM-YYYY, the way Dutch people write it. */
export function fmtDate(iso: string | null | undefined, l: Lang = current): string {
  if (!iso) return '';
  if (l === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}
