// uren-tekort (warning, per placement not broken off, once as-of is more than 30 days after
// einddatum): approved worked hours within the period (startdatum..einddatum; hours outside
// it are buiten-periode and do not count) below uren_totaal. More hours than uren_totaal is
// never a finding.
//
// details: { goedgekeurd: number   — approved worked hours in the period
//            uren_totaal: number
//            tekort: number        — uren_totaal − goedgekeurd
//            einddatum: "YYYY-MM-DD" }

import { RULE_MESSAGES } from '../i18n/rules.js';
import { toHours, toUnits } from './hours.js';
import { defineRule } from './types.js';

export type UrenTekortDetails = { goedgekeurd: number; uren_totaal: number; tekort: number; einddatum: string };

export const urenTekort = defineRule<UrenTekortDetails>(
  'uren-tekort',
  (ctx) => {
    const p = ctx.placement;
    if (p.beeindigd_op !== null || ctx.asOf <= ctx.end + 30) return [];
    let approved = 0;
    for (const d of ctx.days) {
      if (d.day > ctx.end) break;
      if (d.day >= ctx.start) approved += d.workedApproved;
    }
    const total = toUnits(p.uren_totaal);
    if (approved >= total) return [];
    return [
      {
        details: {
          goedgekeurd: toHours(approved),
          uren_totaal: p.uren_totaal,
          tekort: toHours(total - approved),
          einddatum: p.einddatum,
        },
      },
    ];
  },
  RULE_MESSAGES['uren-tekort'],
);
