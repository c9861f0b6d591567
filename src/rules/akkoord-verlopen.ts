// akkoord-verlopen (error, per week): an entry not `goedgekeurd` while as-of is more than 30
// days after the effective end. Those hours can no longer be approved (`bpv hours approve`
// refuses them) and do not count.
//
// details: { niet_goedgekeurd: number      — entries of the week without approval
//            uren: number                  — their hours, all soorten
//            gewerkt: number               — of which worked hours
//            effectieve_einddatum: "YYYY-MM-DD"
//            uiterste_akkoorddatum: "YYYY-MM-DD" }  — effective end + 30 days

import { RULE_MESSAGES } from '../i18n/rules.js';
import { toIso } from './dates.js';
import { toHours } from './hours.js';
import { defineRule, type RuleHit } from './types.js';

export type AkkoordVerlopenDetails = {
  niet_goedgekeurd: number;
  uren: number;
  gewerkt: number;
  effectieve_einddatum: string;
  uiterste_akkoorddatum: string;
};

/** Days after the effective end within which hours can still be approved (also `hours approve` and the report). */
export const APPROVAL_DAYS = 30;

export const akkoordVerlopen = defineRule<AkkoordVerlopenDetails>(
  'akkoord-verlopen',
  (ctx) => {
    const lastChance = ctx.effectiveEnd + APPROVAL_DAYS;
    if (ctx.asOf <= lastChance) return [];
    const hits: RuleHit<AkkoordVerlopenDetails>[] = [];
    for (const w of ctx.weeks) {
      if (w.notApproved === 0) continue;
      hits.push({
        week: w.week,
        day: w.monday,
        details: {
          niet_goedgekeurd: w.notApproved,
          uren: toHours(w.notApprovedHours),
          gewerkt: toHours(w.notApprovedWorked),
          effectieve_einddatum: toIso(ctx.effectiveEnd),
          uiterste_akkoorddatum: toIso(lastChance),
        },
      });
    }
    return hits;
  },
  RULE_MESSAGES['akkoord-verlopen'],
);
