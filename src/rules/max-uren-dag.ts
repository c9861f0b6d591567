// max-uren-dag (error, per day): worked hours above the Arbeidstijdenwet maximum for the
// student's age on that day: 12 h, 9 h at 16 or 17, 7 h under 16 (see age.ts).
//
// details: { uren: number            — worked hours that day
//            maximum: number         — 12, 9 or 7
//            leeftijd: number | null } — age on the day; null without geboortedatum

import { RULE_MESSAGES } from '../i18n/rules.js';
import { ageAt, dayMax } from './age.js';
import { UNITS_PER_HOUR, toHours } from './hours.js';
import { defineRule, type RuleHit } from './types.js';

export type MaxUrenDagDetails = { uren: number; maximum: number; leeftijd: number | null };

export const maxUrenDag = defineRule<MaxUrenDagDetails>(
  'max-uren-dag',
  (ctx) => {
    const hits: RuleHit<MaxUrenDagDetails>[] = [];
    for (const d of ctx.days) {
      // 7 h is the lowest limit: most days can be passed without working out the age.
      if (d.worked <= 7 * UNITS_PER_HOUR) continue;
      const maximum = dayMax(ctx, d.day);
      if (d.worked > maximum * UNITS_PER_HOUR) {
        hits.push({ date: d.date, day: d.day, details: { uren: toHours(d.worked), maximum, leeftijd: ageAt(ctx, d.day) } });
      }
    }
    return hits;
  },
  RULE_MESSAGES['max-uren-dag'],
);
