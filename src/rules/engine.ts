// `bpv validate` without the CLI: placements and settings in, sorted findings out (SPEC §4).
// Pure: no database, no clock; the caller passes as-of. `createValidator` takes placements one
// at a time, so the database path can stream a million entries without holding them all.

import type { Finding, IsoDate, Severity } from '../domain/types.js';
import type { Lang } from '../i18n/rule-format.js';
import { ruleNote } from '../i18n/rule-notes.js';
import { RULE_CODES, isRuleCode, type RuleCode } from './codes.js';
import { buildContext, indexHolidays } from './context.js';
import { isIsoDate, toDay } from './dates.js';
import { ValidationInputError, readingDates } from './errors.js';
import { AGE_RULES, RULES } from './registry.js';
import { resolveRuleSettings, type RuleSettings } from './settings.js';
import type { HolidayIndex, PlacementInput, RuleDef, ValidationConfig, ValidationInput } from './types.js';

export { ValidationDataError, ValidationInputError } from './errors.js';

export interface ValidationSummary {
  error: number;
  warning: number;
  info: number;
}

/** `JSON.stringify` of this is the `--format json` output of SPEC §4. */
export interface ValidationResult {
  as_of: IsoDate;
  findings: Finding[];
  summary: ValidationSummary;
  notes: string[];
}

export interface Validator {
  /** Validates one placement (skipped when the filters exclude it); any order. */
  add(placement: PlacementInput): void;
  /** Sorts and returns everything added so far. */
  finish(): ValidationResult;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function dateArg(flag: string, value: IsoDate, lang: Lang): number {
  if (!isIsoDate(value)) throw new ValidationInputError(ruleNote.invalidDate(flag, value, lang), { flag, value });
  return toDay(value);
}

function selectRules(
  requested: readonly string[] | undefined,
  settings: RuleSettings,
  recognitionsImported: boolean,
  notes: string[],
  lang: Lang,
): RuleDef[] {
  let wanted: ReadonlySet<RuleCode> | null = null;
  if (requested !== undefined && requested.length > 0) {
    const unknown = requested.filter((c) => !isRuleCode(c));
    if (unknown.length > 0) {
      throw new ValidationInputError(ruleNote.unknownRules(unknown, RULE_CODES, lang), { unknown, known: RULE_CODES });
    }
    wanted = new Set(requested as RuleCode[]);
    const off = RULE_CODES.filter((c) => wanted!.has(c) && settings.severity[c] === 'off');
    if (off.length > 0) notes.push(ruleNote.ruleOff(off, lang));
  }
  return RULES.filter((rule) => {
    if (wanted !== null && !wanted.has(rule.code)) return false;
    if (settings.severity[rule.code] === 'off') return false;
    if (rule.code === 'schoolvakantie' && settings.regio === null) {
      notes.push(ruleNote.regioUnset(lang));
      return false;
    }
    if (rule.code === 'niet-erkend' && !recognitionsImported) {
      notes.push(ruleNote.noRecognitions(lang));
      return false;
    }
    return true;
  });
}

interface Sortable {
  finding: Finding;
  /** 0 placement finding, 1 day or week finding */
  rank: number;
  day: number;
}

function compareWithinPlacement(a: Sortable, b: Sortable): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  // Placement findings: by rule code, then chronologically (e.g. two sick runs).
  // Day and week findings: by date or the week's Monday, then by rule code.
  const ruleOrder = a.finding.rule < b.finding.rule ? -1 : a.finding.rule > b.finding.rule ? 1 : 0;
  return a.rank === 0 ? ruleOrder || a.day - b.day : a.day - b.day || ruleOrder;
}

// SPEC §4: string order of plaatsing_id, not locale order.
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function createValidator(config: ValidationConfig): Validator {
  const { lang } = config;
  const findingLang = config.findingLang ?? lang;
  const f = config.filters ?? {};
  const asOf = dateArg('--as-of', config.asOf, lang);
  const from = f.from === undefined ? -Infinity : dateArg('--from', f.from, lang);
  const to = f.to === undefined ? Infinity : dateArg('--to', f.to, lang);
  const { settings, notes } = resolveRuleSettings(config.settings, lang);
  const rules = selectRules(f.rules, settings, config.recognitionsImported, notes, lang);
  let holidays: HolidayIndex | null = null;
  if (rules.some((r) => r.code === 'schoolvakantie')) {
    holidays = readingDates(ruleNote.holidaysLabel(lang), lang, () => indexHolidays(config.holidays, settings.regio));
    if (holidays !== null && holidays.size === 0) notes.push(ruleNote.noHolidays(settings.regio!, lang));
  }
  const env = { asOf, settings, holidays };
  const ageMatters = rules.some((r) => AGE_RULES.has(r.code));
  const wantedIds = f.placement === undefined ? null : new Set(typeof f.placement === 'string' ? [f.placement] : f.placement);
  const po = f.praktijkopleider?.trim().toLowerCase();

  const seen = new Set<string>();
  const withoutBirth: string[] = [];
  const groups: { id: string; findings: Finding[] }[] = [];
  const own: Sortable[] = [];

  function add(p: PlacementInput): void {
    if (wantedIds !== null && !wantedIds.has(p.plaatsing_id)) return;
    if (po !== undefined && p.email_praktijkopleider.toLowerCase() !== po) return;
    seen.add(p.plaatsing_id);
    if (ageMatters && p.geboortedatum === null) withoutBirth.push(p.plaatsing_id);
    if (rules.length === 0) return;
    const ctx = readingDates(ruleNote.placementLabel(p.plaatsing_id, lang), lang, () => buildContext(p, env));
    own.length = 0;
    for (const rule of rules) {
      for (const hit of rule.run(ctx)) {
        const day = hit.day ?? 0;
        if (hit.date !== undefined && (day < from || day > to)) continue;
        if (hit.week !== undefined && (day + 6 < from || day > to)) continue;
        const configured = settings.severity[rule.code] as Severity;
        const cap = hit.maxSeverity;
        const severity = cap !== undefined && SEVERITY_RANK[configured] > SEVERITY_RANK[cap] ? cap : configured;
        const at = { date: hit.date ?? null, week: hit.week ?? null };
        own.push({
          rank: at.date === null && at.week === null ? 0 : 1,
          day,
          finding: {
            rule: rule.code,
            severity,
            placement: p.plaatsing_id,
            student: p.studentnummer,
            date: at.date,
            week: at.week,
            message: rule.message(hit.details, at, findingLang),
            details: hit.details as Record<string, unknown>,
          },
        });
      }
    }
    if (own.length === 0) return;
    own.sort(compareWithinPlacement);
    groups.push({ id: p.plaatsing_id, findings: own.map((s) => s.finding) });
  }

  function finish(): ValidationResult {
    const out = [...notes];
    if (wantedIds !== null) {
      const missing = [...wantedIds].filter((id) => !seen.has(id));
      if (missing.length > 0) out.push(ruleNote.unknownPlacements(missing, lang));
    }
    if (withoutBirth.length > 0) out.push(ruleNote.missingBirthdates([...withoutBirth].sort(byString), lang));
    const findings: Finding[] = [];
    const summary: ValidationSummary = { error: 0, warning: 0, info: 0 };
    for (const g of [...groups].sort((a, b) => byString(a.id, b.id))) {
      for (const finding of g.findings) {
        findings.push(finding);
        summary[finding.severity]++;
      }
    }
    return { as_of: config.asOf, findings, summary, notes: out };
  }

  return { add, finish };
}

export function runRules(input: ValidationInput): ValidationResult {
  const validator = createValidator(input);
  for (const p of input.placements) validator.add(p);
  return validator.finish();
}
