// buiten-periode (error, per day): worked hours on a day before startdatum or after the
// effective end (einddatum, or the day the BPV was broken off). A gewerkt entry of 0 hours is
// no worked hours and does not fire.
//
// details: { uren: number              — worked hours that day
//            startdatum: "YYYY-MM-DD"
//            effectieve_einddatum: "YYYY-MM-DD" }

import { RULE_MESSAGES } from '../i18n/rules.js';
import { toHours } from './hours.js';
import { defineRule, type RuleHit } from './types.js';

export type BuitenPeriodeDetails = { uren: number; startdatum: string; effectieve_einddatum: string };

export const buitenPeriode = defineRule<BuitenPeriodeDetails>(
  'buiten-periode',
  (ctx) => {
    const hits: RuleHit<BuitenPeriodeDetails>[] = [];
    for (const d of ctx.days) {
      if (d.worked > 0 && (d.day < ctx.start || d.day > ctx.effectiveEnd)) {
        hits.push({
          date: d.date,
          day: d.day,
          details: {
            uren: toHours(d.worked),
            startdatum: ctx.placement.startdatum,
            effectieve_einddatum: ctx.placement.beeindigd_op ?? ctx.placement.einddatum,
          },
        });
      }
    }
    return hits;
  },
  RULE_MESSAGES['buiten-periode'],
);
