// uren-achterstand (warning, per placement whose period, startdatum to effective end, holds
// as-of): with S the Sunday before as-of's week, and S >= startdatum, fires when the worked
// hours (any status but correctie) from startdatum to S are below
//   drempel × uren_totaal × (days startdatum..S) / (days startdatum..einddatum),
// both day counts inclusive. A placement in its first week has no S on or after its start and
// is never behind. The comparison is exact: cross-multiplied integers, no division.
//
// details: { gewerkt: number       — worked hours startdatum..S
//            verwacht: number      — the threshold, rounded to 2 decimals for reading
//            drempel: number       — rules.achterstand.drempel
//            uren_totaal: number
//            startdatum: "YYYY-MM-DD"
//            tot_en_met: "YYYY-MM-DD" }  — S

import { RULE_MESSAGES } from '../i18n/rules.js';
import { mondayOf, toIso } from './dates.js';
import { toHours, toUnits } from './hours.js';
import { defineRule } from './types.js';

export type UrenAchterstandDetails = {
  gewerkt: number;
  verwacht: number;
  drempel: number;
  uren_totaal: number;
  startdatum: string;
  tot_en_met: string;
};

export const urenAchterstand = defineRule<UrenAchterstandDetails>(
  'uren-achterstand',
  (ctx) => {
    if (ctx.asOf < ctx.start || ctx.asOf > ctx.effectiveEnd) return [];
    const sunday = mondayOf(ctx.asOf) - 1;
    if (sunday < ctx.start) return [];
    let worked = 0;
    for (const d of ctx.days) {
      if (d.day > sunday) break;
      if (d.day >= ctx.start) worked += d.workedCountable;
    }
    // A placement broken off after its planned end could put S past einddatum: cap at 100 %.
    const elapsed = Math.min(sunday, ctx.end) - ctx.start + 1;
    const period = ctx.end - ctx.start + 1;
    const { uren_totaal } = ctx.placement;
    const drempel = ctx.settings.achterstandDrempel;
    // worked/period-share < drempel × totaal  ⇔  worked × period × 10⁴ < drempel·10⁴ × totaal × elapsed.
    // BigInt: the products can pass 2⁵³ for multi-year BBL placements.
    const lhs = BigInt(worked) * BigInt(period) * BigInt(toUnits(1));
    const rhs = BigInt(toUnits(drempel)) * BigInt(toUnits(uren_totaal)) * BigInt(elapsed);
    if (lhs >= rhs) return [];
    const verwacht = Math.round(((drempel * uren_totaal * elapsed) / period) * 100) / 100;
    return [{ details: { gewerkt: toHours(worked), verwacht, drempel, uren_totaal, startdatum: ctx.placement.startdatum, tot_en_met: toIso(sunday) } }];
  },
  RULE_MESSAGES['uren-achterstand'],
);
