// The rule settings of SPEC §4 (and school.regio) as the validator reads them. `bpv config
// set` refuses invalid values (src/db/settings.ts); this module still parses defensively,
// because a value edited into the file by hand must not stop a nightly job: it falls back to
// the default and says so in a note. test/rules/settings.test.ts keeps both in agreement.

import type { Regio, SeveritySetting } from '../domain/types.js';
import { REGIOS } from '../domain/types.js';
import { settingNote, type SettingExpectation } from '../i18n/rule-notes.js';
import type { Lang } from '../i18n/rule-format.js';
import { DEFAULT_SEVERITY, RULE_CODES, isRuleCode, type RuleCode } from './codes.js';
import { toUnits } from './hours.js';

export interface RuleSettings {
  severity: Record<RuleCode, SeveritySetting>;
  /** rules.overwerk.marge in hours, and in hour units (see hours.ts) for comparisons. */
  overwerkMarge: number;
  overwerkMargeUnits: number;
  /** rules.ziek.dagen */
  ziekDagen: number;
  /** rules.achterstand.drempel, a fraction such as 0.8 */
  achterstandDrempel: number;
  /** rules.schoolvakantie.bbl */
  schoolvakantieBbl: boolean;
  /** school.regio; null while not set */
  regio: Regio | null;
}

export type SettingsSource = ReadonlyMap<string, string> | Readonly<Record<string, string | undefined>>;

export const DEFAULT_RULE_SETTINGS: Readonly<Omit<RuleSettings, 'severity'>> = {
  overwerkMarge: 0,
  overwerkMargeUnits: 0,
  ziekDagen: 5,
  achterstandDrempel: 0.8,
  schoolvakantieBbl: false,
  regio: null,
};

type Parsed = { ok: true; value: string } | { ok: false; message: string };

function decimal(raw: string): number | null {
  const s = raw.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

const JA = new Set(['ja', 'j', 'yes', 'true', '1']);
const NEE = new Set(['nee', 'n', 'no', 'false', '0']);
const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];

/** Normalised value to store, or null when invalid. */
function normalise(key: string, raw: string): { value: string | null; expected: SettingExpectation } | null {
  const v = raw.trim().toLowerCase();
  if (key.startsWith('rules.') && key.endsWith('.severity') && isRuleCode(key.slice(6, -9))) {
    return { value: SEVERITIES.includes(v) ? v : null, expected: 'severity' };
  }
  switch (key) {
    case 'rules.overwerk.marge': {
      const n = decimal(v);
      // hours are compared in units of 1/10000 hour (hours.ts): a finer margin would be rounded
      const exact = n !== null && Number.isInteger(Math.round(n * 1e8) / 1e4);
      return { value: n !== null && n <= 60 && exact ? String(n) : null, expected: 'marge' };
    }
    case 'rules.ziek.dagen': {
      const ok = /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 365;
      return { value: ok ? String(Number(v)) : null, expected: 'dagen' };
    }
    case 'rules.achterstand.drempel': {
      const n = decimal(v);
      return { value: n !== null && n <= 1 ? String(n) : null, expected: 'drempel' };
    }
    case 'rules.schoolvakantie.bbl':
      return { value: JA.has(v) ? 'ja' : NEE.has(v) ? 'nee' : null, expected: 'janee' };
    case 'school.regio':
      return { value: (REGIOS as readonly string[]).includes(v) ? v : null, expected: 'regio' };
    default:
      return null;
  }
}

/** Every setting key the validator reads. */
export const RULE_SETTING_KEYS: readonly string[] = [
  ...RULE_CODES.map((c) => `rules.${c}.severity`),
  'rules.overwerk.marge',
  'rules.ziek.dagen',
  'rules.achterstand.drempel',
  'rules.schoolvakantie.bbl',
  'school.regio',
];

export function isRuleSettingKey(key: string): boolean {
  return normalise(key, '') !== null;
}

/** Checks one stored value; on success gives it normalised. */
export function parseRuleSetting(key: string, raw: string, lang: Lang = 'nl'): Parsed {
  const n = normalise(key, raw);
  if (n === null) return { ok: false, message: settingNote.unknownKey(key, lang) };
  if (n.value === null) return { ok: false, message: settingNote.invalid(key, raw, n.expected, lang) };
  return { ok: true, value: n.value };
}

function lookup(src: SettingsSource, key: string): string | undefined {
  return src instanceof Map ? src.get(key) : (src as Readonly<Record<string, string | undefined>>)[key];
}

/**
 * Reads the settings; an invalid stored value falls back to the default and yields a note,
 * so a nightly job still validates instead of failing on a typo in one setting.
 */
export function resolveRuleSettings(src: SettingsSource, lang: Lang): { settings: RuleSettings; notes: string[] } {
  const notes: string[] = [];
  const get = (key: string): string | null => {
    const raw = lookup(src, key);
    if (raw === undefined || raw.trim() === '') return null;
    const parsed = parseRuleSetting(key, raw, lang);
    if (parsed.ok) return parsed.value;
    notes.push(settingNote.ignored(parsed.message, lang));
    return null;
  };
  const severity = { ...DEFAULT_SEVERITY } as Record<RuleCode, SeveritySetting>;
  for (const code of RULE_CODES) {
    const v = get(`rules.${code}.severity`);
    if (v !== null) severity[code] = v as SeveritySetting;
  }
  const marge = get('rules.overwerk.marge');
  const dagen = get('rules.ziek.dagen');
  const drempel = get('rules.achterstand.drempel');
  const bbl = get('rules.schoolvakantie.bbl');
  const regio = get('school.regio');
  const overwerkMarge = marge === null ? DEFAULT_RULE_SETTINGS.overwerkMarge : Number(marge);
  return {
    settings: {
      severity,
      overwerkMarge,
      overwerkMargeUnits: toUnits(overwerkMarge),
      ziekDagen: dagen === null ? DEFAULT_RULE_SETTINGS.ziekDagen : Number(dagen),
      achterstandDrempel: drempel === null ? DEFAULT_RULE_SETTINGS.achterstandDrempel : Number(drempel),
      schoolvakantieBbl: bbl === null ? DEFAULT_RULE_SETTINGS.schoolvakantieBbl : bbl === 'ja',
      regio: regio === null ? null : (regio as Regio),
    },
    notes,
  };
}
