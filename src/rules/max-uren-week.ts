// max-uren-week (error, per week): worked hours in the ISO week above the Arbeidstijdenwet
// maximum for the student's age on the week's Monday: 60 h, 45 h at 16 or 17, 35 h under 16.
//
// details: { gewerkt: number          — worked hours in the week
//            maximum: number          — 60, 45 or 35
//            leeftijd: number | null } — age on the Monday; null without geboortedatum

import { RULE_MESSAGES } from '../i18n/rules.js';
import { ageAt, weekMax } from './age.js';
import { UNITS_PER_HOUR, toHours } from './hours.js';
import { defineRule, type RuleHit } from './types.js';

export type MaxUrenWeekDetails = { gewerkt: number; maximum: number; leeftijd: number | null };

export const maxUrenWeek = defineRule<MaxUrenWeekDetails>(
  'max-uren-week',
  (ctx) => {
    const hits: RuleHit<MaxUrenWeekDetails>[] = [];
    for (const w of ctx.weeks) {
      if (w.worked <= 35 * UNITS_PER_HOUR) continue;
      const maximum = weekMax(ctx, w.monday);
      if (w.worked > maximum * UNITS_PER_HOUR) {
        hits.push({
          week: w.week,
          day: w.monday,
          details: { gewerkt: toHours(w.worked), maximum, leeftijd: ageAt(ctx, w.monday) },
        });
      }
    }
    return hits;
  },
  RULE_MESSAGES['max-uren-week'],
);
