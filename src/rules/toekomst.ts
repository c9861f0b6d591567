// toekomst (error, per day): entries dated after the as-of date, whatever their soort or
// status. One finding per day.
//
// details: { uren: number        — hours of all that day's entries
//            soorten: string[]   — their soorten (gewerkt, ziek, afwezig, verlof)
//            peildatum: "YYYY-MM-DD" } — the as-of date

import { RULE_MESSAGES } from '../i18n/rules.js';
import { toIso } from './dates.js';
import { toHours } from './hours.js';
import { defineRule } from './types.js';

export type ToekomstDetails = { uren: number; soorten: string[]; peildatum: string };

export const toekomst = defineRule<ToekomstDetails>(
  'toekomst',
  (ctx) => {
    if (ctx.future.length === 0) return [];
    const peildatum = toIso(ctx.asOf);
    return ctx.future.map((f) => ({
      date: f.date,
      day: f.day,
      details: { uren: toHours(f.hours), soorten: [...f.soorten], peildatum },
    }));
  },
  RULE_MESSAGES.toekomst,
);
