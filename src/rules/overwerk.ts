// overwerk (error, per week): worked hours in the ISO week exceed uren_per_week plus
// rules.overwerk.marge. Overtime is not to be registered as BPV hours.
//
// details: { gewerkt: number       — worked hours in the week
//            afgesproken: number   — uren_per_week
//            marge: number }       — rules.overwerk.marge

import { RULE_MESSAGES } from '../i18n/rules.js';
import { toHours, toUnits } from './hours.js';
import { defineRule, type RuleHit } from './types.js';

export type OverwerkDetails = { gewerkt: number; afgesproken: number; marge: number };

export const overwerk = defineRule<OverwerkDetails>(
  'overwerk',
  (ctx) => {
    const { uren_per_week } = ctx.placement;
    const limit = toUnits(uren_per_week) + ctx.settings.overwerkMargeUnits;
    const hits: RuleHit<OverwerkDetails>[] = [];
    for (const w of ctx.weeks) {
      if (w.worked > limit) {
        hits.push({
          week: w.week,
          day: w.monday,
          details: { gewerkt: toHours(w.worked), afgesproken: uren_per_week, marge: ctx.settings.overwerkMarge },
        });
      }
    }
    return hits;
  },
  RULE_MESSAGES.overwerk,
);
