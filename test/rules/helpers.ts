// Builders for rule tests: one adult BOL placement with a fully signed POK, entries that
// default to 8 worked hours, and a context as the engine would build it.

import type { Holiday } from '../../src/domain/types.js';
import { buildContext, indexHolidays } from '../../src/rules/context.js';
import { toDay } from '../../src/rules/dates.js';
import { resolveRuleSettings, type SettingsSource } from '../../src/rules/settings.js';
import type { PlacementContext, PlacementInput, RuleDef, RuleEntry, RuleHit } from '../../src/rules/types.js';

export function placement(over: Partial<PlacementInput> = {}): PlacementInput {
  return {
    plaatsing_id: 'P-1',
    studentnummer: '123456',
    naam: 'Sanne de Vries',
    geboortedatum: '2000-01-01',
    leerweg: 'BOL',
    startdatum: '2026-09-01',
    einddatum: '2027-01-31',
    beeindigd_op: null,
    beeindigd_reden: null,
    uren_totaal: 640,
    uren_per_week: 32,
    vakantiewerk: false,
    email_praktijkopleider: 'po@bedrijf.nl',
    kvk: '12345678',
    vestigingsnummer: null,
    crebo: '25491',
    pok: { version: 1, signed: { student: '2026-08-20', leerbedrijf: '2026-08-21', school: '2026-08-22' } },
    erkend: true,
    entries: [],
    ...over,
  };
}

export function entry(datum: string, uren = 8, over: Partial<RuleEntry> = {}): RuleEntry {
  return { datum, uren, soort: 'gewerkt', status: 'ingediend', goedgekeurd_op: null, ...over };
}

/** Entries of `uren` hours on each date from `first` for `n` consecutive days. */
export function days(first: string, n: number, uren = 8, over: Partial<RuleEntry> = {}): RuleEntry[] {
  const start = new Date(`${first}T00:00:00Z`).getTime();
  return Array.from({ length: n }, (_, i) => entry(new Date(start + i * 86_400_000).toISOString().slice(0, 10), uren, over));
}

export interface CtxOptions {
  asOf?: string;
  settings?: SettingsSource;
  holidays?: Holiday[];
}

export function context(p: PlacementInput, opts: CtxOptions = {}): PlacementContext {
  const { settings } = resolveRuleSettings(opts.settings ?? {}, 'nl');
  return buildContext(p, {
    asOf: toDay(opts.asOf ?? '2026-12-31'),
    settings,
    holidays: indexHolidays(opts.holidays ?? [], settings.regio),
  });
}

export function hits(rule: RuleDef, p: PlacementInput, opts: CtxOptions = {}): RuleHit<Record<string, unknown>>[] {
  return rule.run(context(p, opts)) as RuleHit<Record<string, unknown>>[];
}

/** The dates (day rules), weeks (week rules) or 'placement' of each hit. */
export function where(rule: RuleDef, p: PlacementInput, opts: CtxOptions = {}): string[] {
  return hits(rule, p, opts).map((h) => h.date ?? h.week ?? 'placement');
}
