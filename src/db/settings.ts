// Settings live in the database (SPEC §1) so every process, cron job and colleague sees the
// same school data and rule settings. Unknown keys and invalid values are refused.
import { UsageError } from '../errors.js';
import { msg } from '../i18n/messages.js';
import type { Db } from './open.js';

import { DEFAULT_SEVERITY, type RuleCode } from '../rules/codes.js';
import { DEFAULT_RULE_SETTINGS, RULE_SETTING_KEYS, parseRuleSetting } from '../rules/settings.js';
import { lang } from '../i18n/lang.js';

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
  'db.journal': { ...oneOf('wal', 'delete'), default: 'wal' },
};
// The validator owns its settings' syntax; config set checks them with the very same parser.
const RULE_DEFAULTS: Record<string, string> = {
  'rules.overwerk.marge': String(DEFAULT_RULE_SETTINGS.overwerkMarge),
  'rules.ziek.dagen': String(DEFAULT_RULE_SETTINGS.ziekDagen),
  'rules.achterstand.drempel': String(DEFAULT_RULE_SETTINGS.achterstandDrempel),
  'rules.schoolvakantie.bbl': DEFAULT_RULE_SETTINGS.schoolvakantieBbl ? 'ja' : 'nee',
};
for (const key of RULE_SETTING_KEYS) {
  const dflt = RULE_DEFAULTS[key] ?? (key.endsWith('.severity') ? DEFAULT_SEVERITY[key.slice(6, -9) as RuleCode] : undefined);
  SPECS[key] = {
    check: (v) => {
      const r = parseRuleSetting(key, v, lang());
      return r.ok ? r.value : undefined;
    },
    expected: '',
    ...(dflt !== undefined ? { default: dflt } : {}),
  };
}

export const KNOWN_KEYS: readonly string[] = Object.keys(SPECS);

export function checkSetting(key: string, value: string): string {
  const spec = SPECS[key];
  if (!spec) throw new UsageError(msg().settingUnknown(key, KNOWN_KEYS));
  const v = spec.check(value);
  if (v === undefined) {
    const r = parseRuleSetting(key, value, lang());
    throw new UsageError(!r.ok && RULE_SETTING_KEYS.includes(key) ? r.message : msg().settingInvalid(key, value, spec.expected));
  }
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
