// langdurig-ziek (warning, per placement): a run of at least rules.ziek.dagen (default 5)
// consecutive registered days whose entries are all soort ziek. Days without any entry (the
// weekend, days off) do not break the run; a day with any other entry does, even next to a
// ziek entry on the same day. One finding per run.
//
// details: { eerste_dag: "YYYY-MM-DD"
//            laatste_dag: "YYYY-MM-DD"
//            dagen: number        — registered sick days in the run
//            drempel: number }    — rules.ziek.dagen

import { RULE_MESSAGES } from '../i18n/rules.js';
import { defineRule, type DaySummary, type RuleHit } from './types.js';

export type LangdurigZiekDetails = { eerste_dag: string; laatste_dag: string; dagen: number; drempel: number };

export const langdurigZiek = defineRule<LangdurigZiekDetails>(
  'langdurig-ziek',
  (ctx) => {
    const drempel = ctx.settings.ziekDagen;
    const hits: RuleHit<LangdurigZiekDetails>[] = [];
    let first: DaySummary | null = null;
    let last: DaySummary | null = null;
    let count = 0;
    const close = (): void => {
      if (first !== null && last !== null && count >= drempel) {
        hits.push({ day: first.day, details: { eerste_dag: first.date, laatste_dag: last.date, dagen: count, drempel } });
      }
      first = last = null;
      count = 0;
    };
    for (const d of ctx.days) {
      if (!d.onlyZiek) {
        close();
        continue;
      }
      if (first === null) first = d;
      last = d;
      count++;
    }
    close();
    return hits;
  },
  RULE_MESSAGES['langdurig-ziek'],
);
