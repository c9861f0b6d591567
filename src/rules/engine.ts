// `bpv validate` without the CLI: placements and settings in, sorted findings out (SPEC §4).
// Pure: no database, no clock; the caller passes as-of.

import type { Finding, IsoDate, Severity } from '../domain/types.js';
import { DatabaseError, UsageError } from '../errors.js';
import type { Lang } from '../i18n/rule-format.js';
import { ruleNote } from '../i18n/rule-notes.js';
import { RULE_CODES, isRuleCode, type RuleCode } from './codes.js';
import { buildContext, indexHolidays } from './context.js';
import { InvalidDateError, isIsoDate, toDay } from './dates.js';
import { AGE_RULES, RULES } from './registry.js';
import { resolveRuleSettings, type RuleSettings } from './settings.js';
import type { HolidayIndex, PlacementInput, RuleDef, ValidationFilters, ValidationInput } from './types.js';

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

/** A stored date the rules cannot read: a database problem (exit 3). */
export class ValidationDataError extends DatabaseError {
  constructor(message: string, details: Record<string, unknown>) {
    super(message, details);
    this.name = 'ValidationDataError';
  }
}

/** Runs `fn`, turning a malformed stored date into a ValidationDataError that says where it is. */
function readingDates<T>(where: string, lang: Lang, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InvalidDateError) throw new ValidationDataError(ruleNote.badStoredDate(where, e.value, lang), { where, value: e.value });
    throw e;
  }
}

/** A usage problem in the input (unknown --rule, malformed date): exit 2. */
export class ValidationInputError extends UsageError {
  constructor(message: string, details: Record<string, unknown>) {
    super(message, details);
    this.name = 'ValidationInputError';
  }
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

function selectPlacements(all: readonly PlacementInput[], f: ValidationFilters): PlacementInput[] {
  const ids = f.placement === undefined ? null : new Set(typeof f.placement === 'string' ? [f.placement] : f.placement);
  const po = f.praktijkopleider?.trim().toLowerCase();
  const picked = all.filter(
    (p) => (ids === null || ids.has(p.plaatsing_id)) && (po === undefined || p.email_praktijkopleider.toLowerCase() === po),
  );
  // SPEC §4: string order of plaatsing_id, not locale order.
  return picked.sort((a, b) => (a.plaatsing_id < b.plaatsing_id ? -1 : a.plaatsing_id > b.plaatsing_id ? 1 : 0));
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

export function runRules(input: ValidationInput): ValidationResult {
  const lang = input.lang;
  const f = input.filters ?? {};
  const asOf = dateArg('--as-of', input.asOf, lang);
  const from = f.from === undefined ? -Infinity : dateArg('--from', f.from, lang);
  const to = f.to === undefined ? Infinity : dateArg('--to', f.to, lang);
  const { settings, notes } = resolveRuleSettings(input.settings, lang);
  const rules = selectRules(f.rules, settings, input.recognitionsImported, notes, lang);

  let holidays: HolidayIndex | null = null;
  if (rules.some((r) => r.code === 'schoolvakantie')) {
    holidays = readingDates(ruleNote.holidaysLabel(lang), lang, () => indexHolidays(input.holidays, settings.regio));
    if (holidays !== null && holidays.size === 0) notes.push(ruleNote.noHolidays(settings.regio!, lang));
  }

  const placements = selectPlacements(input.placements, f);
  if (f.placement !== undefined) {
    const found = new Set(placements.map((p) => p.plaatsing_id));
    const missing = (typeof f.placement === 'string' ? [f.placement] : f.placement).filter((id) => !found.has(id));
    if (missing.length > 0) notes.push(ruleNote.unknownPlacements(missing, lang));
  }
  if (rules.some((r) => AGE_RULES.has(r.code))) {
    const withoutBirth = placements.filter((p) => p.geboortedatum === null).map((p) => p.plaatsing_id);
    if (withoutBirth.length > 0) notes.push(ruleNote.missingBirthdates(withoutBirth, lang));
  }

  const findings: Finding[] = [];
  const summary: ValidationSummary = { error: 0, warning: 0, info: 0 };
  const env = { asOf, settings, holidays };
  const own: Sortable[] = [];
  for (const p of rules.length === 0 ? [] : placements) {
    const ctx = readingDates(ruleNote.placementLabel(p.plaatsing_id, lang), lang, () => buildContext(p, env));
    own.length = 0;
    for (const rule of rules) {
      for (const hit of rule.run(ctx)) {
        const day = hit.day ?? 0;
        if (hit.date !== undefined && (day < from || day > to)) continue;
        if (hit.week !== undefined && (day + 6 < from || day > to)) continue;
        const configured = settings.severity[rule.code] as Severity;
        const severity =
          hit.maxSeverity !== undefined && SEVERITY_RANK[configured] > SEVERITY_RANK[hit.maxSeverity] ? hit.maxSeverity : configured;
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
            message: rule.message(hit.details, at, lang),
            details: hit.details as Record<string, unknown>,
          },
        });
      }
    }
    own.sort(compareWithinPlacement);
    for (const s of own) {
      findings.push(s.finding);
      summary[s.finding.severity]++;
    }
  }
  return { as_of: input.asOf, findings, summary, notes };
}
