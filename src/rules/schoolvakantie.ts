// schoolvakantie (error, per day): worked hours on a day inside a school holiday of
// school.regio, for a placement without vakantiewerk: BOL always, BBL only when
// rules.schoolvakantie.bbl is ja. The engine skips the rule (with a note) while school.regio
// is not set; ctx.holidays is then null.
//
// details: { uren: number        — worked hours that day
//            vakantie: string    — the holiday's name
//            regio: "noord" | "midden" | "zuid" }

import { RULE_MESSAGES } from '../i18n/rules.js';
import { toHours } from './hours.js';
import { defineRule, type RuleHit } from './types.js';

export type SchoolvakantieDetails = { uren: number; vakantie: string; regio: string };

export const schoolvakantie = defineRule<SchoolvakantieDetails>(
  'schoolvakantie',
  (ctx) => {
    const { placement: p, holidays, settings } = ctx;
    if (holidays === null || settings.regio === null || p.vakantiewerk) return [];
    if (p.leerweg === 'BBL' && !settings.schoolvakantieBbl) return [];
    const hits: RuleHit<SchoolvakantieDetails>[] = [];
    for (const d of ctx.days) {
      if (d.worked <= 0) continue;
      const naam = holidays.get(d.day);
      if (naam !== undefined) {
        hits.push({ date: d.date, day: d.day, details: { uren: toHours(d.worked), vakantie: naam, regio: settings.regio } });
      }
    }
    return hits;
  },
  RULE_MESSAGES.schoolvakantie,
);
