// niet-ingediend (warning, per week): an entry still `concept` in a week whose Sunday is
// before the as-of date. The current week (its Sunday on or after as-of) never fires: the
// student may still be filling it in.
//
// details: { concept: number }  — entries of the week still in concept

import { RULE_MESSAGES } from '../i18n/rules.js';
import { defineRule, type RuleHit } from './types.js';

export type NietIngediendDetails = { concept: number };

export const nietIngediend = defineRule<NietIngediendDetails>(
  'niet-ingediend',
  (ctx) => {
    const hits: RuleHit<NietIngediendDetails>[] = [];
    for (const w of ctx.weeks) {
      if (w.concept > 0 && w.monday + 6 < ctx.asOf) {
        hits.push({ week: w.week, day: w.monday, details: { concept: w.concept } });
      }
    }
    return hits;
  },
  RULE_MESSAGES['niet-ingediend'],
);
