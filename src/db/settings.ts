// Settings live in the database (SPEC §1) so every process, cron job and colleague sees the
// same school data and rule settings. Unknown keys and invalid values are refused.
import { UsageError } from '../errors.js';
import { msg } from '../i18n/messages.js';
import type { Db } from './open.js';

import { RULE_CODES } from '../rules/codes.js';

interface KeySpec {
  /** returns the normalised value, or undefined when invalid */
  check: (v: string) => string | undefined;
  /** shown when the value is refused */
  expected: string;
  default?: string;
}

const text: KeySpec = { check: (v) => (v.trim() === '' ? undefined : v.trim()), expected: 'tekst' };
const oneOf = (...options: string[]): KeySpec => ({
  check: (v) => (options.includes(v.trim().toLowerCase()) ? v.trim().toLowerCase() : undefined),
  expected: options.join(' | '),
});
const decimal = (min: number, max: number, dflt: string): KeySpec => ({
  check: (v) => {
    const s = v.trim().replace(',', '.');
    if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
    const n = Number(s);
    return n >= min && n <= max ? String(n) : undefined;
  },
  expected: `${min}–${max}`,
  default: dflt,
});

const SPECS: Record<string, KeySpec> = {
  'school.naam': text,
  'school.brin': {
    check: (v) => (/^[0-9]{2}[A-Z]{2}([0-9]{1,2})?$/i.test(v.trim()) ? v.trim().toUpperCase() : undefined),
    expected: '4 tekens, bv. 25LH (met optioneel 1–2 cijfers vestiging)',
  },
  'school.adres': text,
  'school.postcode': {
    check: (v) => {
      const m = /^\s*([1-9][0-9]{3})\s*([a-z]{2})\s*$/i.exec(v);
      return m ? `${m[1]} ${m[2]!.toUpperCase()}` : undefined;
    },
    expected: '1234 AB',
  },
  'school.plaats': text,
  'school.telefoon': text,
  'school.email': {
    check: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? v.trim().toLowerCase() : undefined),
    expected: 'e-mailadres',
  },
  'school.regio': oneOf('noord', 'midden', 'zuid'),
  'db.journal': { ...oneOf('wal', 'delete'), default: 'wal' },
  'rules.overwerk.marge': decimal(0, 60, '0'),
  'rules.ziek.dagen': {
    check: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 365 ? String(Number(v)) : undefined),
    expected: 'geheel getal 1–365',
    default: '5',
  },
  'rules.achterstand.drempel': decimal(0, 1, '0.8'),
  'rules.schoolvakantie.bbl': { ...oneOf('ja', 'nee'), default: 'nee' },
};
for (const code of RULE_CODES) {
  SPECS[`rules.${code}.severity`] = oneOf('error', 'warning', 'info', 'off');
}

export const KNOWN_KEYS: readonly string[] = Object.keys(SPECS);

export function checkSetting(key: string, value: string): string {
  const spec = SPECS[key];
  if (!spec) throw new UsageError(msg().settingUnknown(key, KNOWN_KEYS));
  const v = spec.check(value);
  if (v === undefined) throw new UsageError(msg().settingInvalid(key, value, spec.expected));
  return v;
}

export function getSettings(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

export function getSetting(db: Db, key: string): string | undefined {
  if (!SPECS[key]) throw new UsageError(msg().settingUnknown(key, KNOWN_KEYS));
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? SPECS[key]!.default;
}

/** Every known key with its value (or default, or null), for `bpv config list`. */
export function listSettings(db: Db): { key: string; value: string | null; isDefault: boolean }[] {
  const set = getSettings(db);
  return KNOWN_KEYS.map((key) => {
    const v = set.get(key);
    return { key, value: v ?? SPECS[key]!.default ?? null, isDefault: v === undefined };
  });
}

/** Stores a checked value; returns the old one for the audit log. */
export function setSetting(db: Db, key: string, value: string): { old: string | null; value: string } {
  const v = checkSetting(key, value);
  const old = (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, v);
  if (key === 'db.journal') db.pragma(`journal_mode = ${v === 'delete' ? 'DELETE' : 'WAL'}`);
  return { old, value: v };
}
