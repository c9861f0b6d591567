// correctie-open (warning, per week): an entry in status `correctie` while the as-of date is
// more than 7 days after the week's Sunday (so the Sunday after next is still fine).
//
// details: { correctie: number        — entries of the week awaiting correction
//            dagen_na_week: number }  — days from the week's Sunday to as-of

import { RULE_MESSAGES } from '../i18n/rules.js';
import { defineRule, type RuleHit } from './types.js';

export type CorrectieOpenDetails = { correctie: number; dagen_na_week: number };

export const correctieOpen = defineRule<CorrectieOpenDetails>(
  'correctie-open',
  (ctx) => {
    const hits: RuleHit<CorrectieOpenDetails>[] = [];
    for (const w of ctx.weeks) {
      const sunday = w.monday + 6;
      if (w.correctie > 0 && ctx.asOf > sunday + 7) {
        hits.push({ week: w.week, day: w.monday, details: { correctie: w.correctie, dagen_na_week: ctx.asOf - sunday } });
      }
    }
    return hits;
  },
  RULE_MESSAGES['correctie-open'],
);
