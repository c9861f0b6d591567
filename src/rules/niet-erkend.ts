// niet-erkend (error, per placement): no recognition of the company (kvk, and its
// vestigingsnummer when the recognition names one) for the crebo covers startdatum. The
// engine runs it only when recognitions were imported at all, and notes the skip otherwise;
// whether one covers the placement is worked out when loading (recognition.ts).
//
// details: { kvk: string, vestigingsnummer: string | null, crebo: string, startdatum: "YYYY-MM-DD" }

import { RULE_MESSAGES } from '../i18n/rules.js';
import { defineRule } from './types.js';

export type NietErkendDetails = { kvk: string; vestigingsnummer: string | null; crebo: string; startdatum: string };

export const nietErkend = defineRule<NietErkendDetails>(
  'niet-erkend',
  (ctx) => {
    const p = ctx.placement;
    if (p.erkend) return [];
    return [{ details: { kvk: p.kvk, vestigingsnummer: p.vestigingsnummer, crebo: p.crebo, startdatum: p.startdatum } }];
  },
  RULE_MESSAGES['niet-erkend'],
);
