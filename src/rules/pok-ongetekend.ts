// pok-ongetekend (error once the placement has started by as-of, at most a warning before):
// the current POK is missing, or a party it needs has not signed the current version by as-of,
// or the placement's data changed since that version (its signatures are for an agreement that
// no longer matches: SPEC §5; a new version must be generated and signed by every party).
// The parties are student, leerbedrijf and school, plus ouder when the student is under 18 on
// startdatum (unknown date of birth: an adult, as SPEC §4 says for all age rules). A signature
// dated after as-of does not count yet, so `--as-of` in the past shows the state of that day.
//
// details: { versie: number | null   — current POK version, null when none was generated
//            vereist: string[]        — parties that must sign
//            ontbrekend: string[]     — parties whose signature is missing
//            gestart: boolean         — startdatum <= as-of
//            verouderd: boolean       — the data changed since the current version
//            startdatum: "YYYY-MM-DD" }

import type { IsoDate } from '../domain/types.js';
import { RULE_MESSAGES } from '../i18n/rules.js';
import { ageOn, parseCivil, toDay, toIso } from './dates.js';
import { defineRule, type PokParty } from './types.js';

export type PokOngetekendDetails = {
  versie: number | null;
  vereist: PokParty[];
  ontbrekend: PokParty[];
  gestart: boolean;
  startdatum: string;
  verouderd: boolean;
};

/** The parties whose signature a POK needs (order as in `bpv pok status --format json`). */
export function requiredPokParties(geboortedatum: IsoDate | null, startdatum: IsoDate): PokParty[] {
  const birth = geboortedatum === null ? null : parseCivil(geboortedatum);
  const minor = birth !== null && ageOn(birth, toDay(startdatum)) < 18;
  return minor ? ['student', 'leerbedrijf', 'school', 'ouder'] : ['student', 'leerbedrijf', 'school'];
}

export const pokOngetekend = defineRule<PokOngetekendDetails>(
  'pok-ongetekend',
  (ctx) => {
    const p = ctx.placement;
    const vereist = requiredPokParties(p.geboortedatum, p.startdatum);
    const asOf = toIso(ctx.asOf);
    const verouderd = p.pok.version !== null && p.pok.outdated === true;
    const ontbrekend =
      p.pok.version === null || verouderd
        ? vereist
        : vereist.filter((party) => {
            const on = p.pok.signed[party];
            return on === undefined || on > asOf;
          });
    if (ontbrekend.length === 0) return [];
    const gestart = ctx.start <= ctx.asOf;
    return [{ details: { versie: p.pok.version, vereist, ontbrekend, gestart, startdatum: p.startdatum, verouderd }, ...(gestart ? {} : { maxSeverity: 'warning' as const }) }];
  },
  RULE_MESSAGES['pok-ongetekend'],
);
