// The validator's input and the per-placement context every rule reads.

import type { EndReason, Holiday, IsoDate, Leerweg, Severity, Soort, TimesheetEntry } from '../domain/types.js';
import type { Lang } from '../i18n/rule-format.js';
import type { RuleCode } from './codes.js';
import type { EpochDay, Civil } from './dates.js';
import type { RuleSettings, SettingsSource } from './settings.js';

export type PokParty = 'student' | 'ouder' | 'leerbedrijf' | 'school';

/** The current (latest) POK version of a placement and the signatures given for it. */
export interface PokState {
  /** null: no POK was ever generated */
  version: number | null;
  /** party → date signed, for the current version only */
  signed: Partial<Record<PokParty, IsoDate>>;
  /** the placement's data changed since the current version was generated */
  outdated?: boolean;
}

/** What the rules need to know about one placement. */
export interface PlacementFacts {
  plaatsing_id: string;
  studentnummer: string;
  /** display name: voornaam [tussenvoegsel] achternaam */
  naam: string;
  geboortedatum: IsoDate | null;
  leerweg: Leerweg;
  startdatum: IsoDate;
  einddatum: IsoDate;
  /** set when the BPV was broken off; the effective end is then this date */
  beeindigd_op: IsoDate | null;
  beeindigd_reden: EndReason | null;
  uren_totaal: number;
  uren_per_week: number;
  vakantiewerk: boolean;
  email_praktijkopleider: string;
  kvk: string;
  vestigingsnummer: string | null;
  crebo: string;
  pok: PokState;
  /** a recognition of (kvk[, vestigingsnummer], crebo) covers startdatum (see recognition.ts) */
  erkend: boolean;
}

/** The timesheet fields the rules read; a full TimesheetEntry fits. */
export type RuleEntry = Pick<TimesheetEntry, 'datum' | 'uren' | 'soort' | 'status' | 'goedgekeurd_op'>;

export interface PlacementInput extends PlacementFacts {
  /** sorted by datum (the engine sorts a copy when they are not) */
  entries: readonly RuleEntry[];
}

export interface ValidationFilters {
  /** --placement: plaatsing_id(s) */
  placement?: string | readonly string[];
  /** --praktijkopleider: e-mail, compared case-insensitively */
  praktijkopleider?: string;
  /** --rule (repeatable); an unknown code throws ValidationInputError (exit 2) */
  rules?: readonly string[];
  /** --from / --to: filter findings only, never what the rules see */
  from?: IsoDate;
  to?: IsoDate;
}

/** Everything the validator needs besides the placements themselves. */
export interface ValidationConfig {
  /** --as-of: every rule that depends on "now" uses this date */
  asOf: IsoDate;
  /** of the notes and errors, and of the findings unless findingLang */
  lang: Lang;
  /** of the findings' messages when not `lang`: the monthly report's PDF is Dutch whatever --lang says */
  findingLang?: Lang;
  /** the school holidays in force; only those of school.regio are used */
  holidays: readonly Holiday[];
  /** settings table contents (rules.* and school.regio are read) */
  settings: SettingsSource;
  /** whether any recognitions were imported; niet-erkend is skipped (with a note) otherwise */
  recognitionsImported: boolean;
  filters?: ValidationFilters;
}

export interface ValidationInput extends ValidationConfig {
  /** any order: findings are sorted by plaatsing_id */
  placements: readonly PlacementInput[];
}

/** One calendar day of a placement, entries up to as-of only. Hours in units (hours.ts). */
export interface DaySummary {
  day: EpochDay;
  date: IsoDate;
  /** soort gewerkt, any status */
  worked: number;
  /** soort gewerkt, status goedgekeurd */
  workedApproved: number;
  /** soort gewerkt, status other than correctie */
  workedCountable: number;
  /** every entry of the day is soort ziek */
  onlyZiek: boolean;
}

/** One ISO week of a placement, entries up to as-of only. */
export interface WeekSummary {
  monday: EpochDay;
  week: string;
  worked: number;
  concept: number;
  ingediend: number;
  correctie: number;
  /** entries not goedgekeurd, and their hours: all soorten, and gewerkt only */
  notApproved: number;
  notApprovedHours: number;
  notApprovedWorked: number;
  /** goedgekeurd entries approved after the week's deadline (the Monday after it) */
  lateApproved: number;
  /** latest goedgekeurd_op of the week's approved entries, or null */
  lastApprovedOn: EpochDay | null;
}

/** A day with entries after as-of (only `toekomst` looks at these). */
export interface FutureDay {
  day: EpochDay;
  date: IsoDate;
  hours: number;
  soorten: Soort[];
}

/** Holiday days of school.regio: epoch day → holiday name. */
export type HolidayIndex = ReadonlyMap<EpochDay, string>;

export interface PlacementContext {
  placement: PlacementFacts;
  entries: readonly RuleEntry[];
  asOf: EpochDay;
  start: EpochDay;
  end: EpochDay;
  /** einddatum, or the day it was broken off */
  effectiveEnd: EpochDay;
  birth: Civil | null;
  /** the days the student turns 16 and 18; -Infinity without a date of birth (an adult) */
  turns16: EpochDay;
  turns18: EpochDay;
  days: readonly DaySummary[];
  weeks: readonly WeekSummary[];
  future: readonly FutureDay[];
  settings: RuleSettings;
  holidays: HolidayIndex | null;
}

/** What a rule reports; the engine adds rule, severity, placement, student and message. */
export interface RuleHit<D> {
  /** day findings */
  date?: IsoDate;
  /** week findings (ISO week) */
  week?: string;
  /** sort key: the day, or the week's Monday; for placement findings it orders those of one rule */
  day?: EpochDay;
  details: D;
  /** caps the configured severity (pok-ongetekend before the start is at most a warning) */
  maxSeverity?: Severity;
}

export interface FindingAt {
  date: IsoDate | null;
  week: string | null;
}

export interface RuleMessages<D> {
  nl(d: D, at: FindingAt): string;
  en(d: D, at: FindingAt): string;
}

export interface RuleDef {
  code: RuleCode;
  run(ctx: PlacementContext): RuleHit<object>[];
  message(details: object, at: FindingAt, lang: Lang): string;
}

/** Binds a rule to its typed messages; the registry then holds rules of any details type. */
export function defineRule<D extends object>(
  code: RuleCode,
  run: (ctx: PlacementContext) => RuleHit<D>[],
  messages: RuleMessages<D>,
): RuleDef & { run(ctx: PlacementContext): RuleHit<D>[] } {
  return {
    code,
    run,
    message: (details, at, lang) => messages[lang](details as D, at),
  };
}
