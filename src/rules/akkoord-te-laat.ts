// akkoord-te-laat (warning, per week): the deadline of a week is the Monday after it. Fires
// when as-of is past the deadline and an entry is still `ingediend`, or when an entry was
// approved (goedgekeurd_op) after the deadline. Approval on the deadline Monday is on time.
// Only entries whose status is goedgekeurd count as approved: a goedgekeurd_op left on an entry
// that went back to correctie is no approval.
//
// details: { deadline: "YYYY-MM-DD"
//            ingediend: number               — entries still waiting, 0 unless as-of is past the deadline
//            laat_goedgekeurd: number        — entries approved after the deadline
//            laatst_goedgekeurd_op: "YYYY-MM-DD" | null }  — latest approval date in the week

import { RULE_MESSAGES } from '../i18n/rules.js';
import { toIso } from './dates.js';
import { defineRule, type RuleHit } from './types.js';

export type AkkoordTeLaatDetails = {
  deadline: string;
  ingediend: number;
  laat_goedgekeurd: number;
  laatst_goedgekeurd_op: string | null;
};

export const akkoordTeLaat = defineRule<AkkoordTeLaatDetails>(
  'akkoord-te-laat',
  (ctx) => {
    const hits: RuleHit<AkkoordTeLaatDetails>[] = [];
    for (const w of ctx.weeks) {
      const deadline = w.monday + 7;
      const waiting = ctx.asOf > deadline ? w.ingediend : 0;
      if (waiting === 0 && w.lateApproved === 0) continue;
      hits.push({
        week: w.week,
        day: w.monday,
        details: {
          deadline: toIso(deadline),
          ingediend: waiting,
          laat_goedgekeurd: w.lateApproved,
          laatst_goedgekeurd_op: w.lastApprovedOn === null ? null : toIso(w.lastApprovedOn),
        },
      });
    }
    return hits;
  },
  RULE_MESSAGES['akkoord-te-laat'],
);
