import { describe, expect, it } from 'vitest';
import { RULE_CODES } from '../../src/rules/codes.js';
import { runRules } from '../../src/rules/engine.js';
import type { ValidationInput } from '../../src/rules/types.js';
import { days, entry, placement } from './helpers.js';

// One placement that breaks every rule, one that is behind, so each message is read once.
const ok = { status: 'goedgekeurd' as const };
const p = placement({
  geboortedatum: '2009-03-01',
  einddatum: '2026-10-31',
  pok: { version: 2, signed: { student: '2026-08-20' } },
  erkend: false,
  entries: [
    entry('2026-08-31', 7.5, { ...ok, goedgekeurd_op: '2026-09-07' }), // buiten-periode
    ...days('2026-09-14', 5, 8, { soort: 'ziek', ...ok, goedgekeurd_op: '2026-09-21' }), // langdurig-ziek
    entry('2026-09-22', 8, { status: 'correctie' }), // correctie-open, akkoord-verlopen
    ...days('2026-09-28', 5, 9, { ...ok, goedgekeurd_op: '2026-10-07' }), // akkoord-te-laat (approved late)
    entry('2026-10-03', 1.25, { ...ok, goedgekeurd_op: '2026-10-05' }), // max-uren-week, overwerk (46,25 h)
    entry('2026-10-05', 8, { status: 'concept' }), // niet-ingediend
    entry('2026-10-19', 9.5, { status: 'ingediend' }), // schoolvakantie, max-uren-dag, akkoord-te-laat (waiting)
    entry('2026-12-20', 8), // toekomst
  ],
});
const behind = placement({ plaatsing_id: 'P-2', startdatum: '2026-11-02', einddatum: '2027-03-01' });

const input: ValidationInput = {
  asOf: '2026-12-15',
  lang: 'nl',
  placements: [p, behind],
  holidays: [{ naam: 'Herfstvakantie', regio: 'zuid', begin: '2026-10-17', eind: '2026-10-25' }],
  settings: { 'school.regio': 'zuid' },
  recognitionsImported: true,
};

describe('finding messages', () => {
  it('exist for every rule, in Dutch and English, without unfilled values', () => {
    for (const lang of ['nl', 'en'] as const) {
      const { findings } = runRules({ ...input, lang });
      expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(RULE_CODES));
      for (const f of findings) expect(f.message).not.toMatch(/undefined|NaN|null|\[object/);
    }
  });

  it('read as follows in Dutch', () => {
    const lines = runRules(input).findings.map((f) => `${f.placement} ${f.rule}: ${f.message}`);
    expect(lines).toMatchInlineSnapshot(`
      [
        "P-1 langdurig-ziek: De student is 5 geregistreerde dagen achter elkaar ziek gemeld (14-09-2026 t/m 18-09-2026, drempel 5): neem contact op met de student en de BPV-begeleider over het verzuim en de gevolgen voor de uren.",
        "P-1 niet-erkend: Het leerbedrijf (KvK 12345678) is op de startdatum 01-09-2026 niet erkend voor crebo 25491: controleer de erkenning in het SBB-register en importeer die, of zoek een erkend leerbedrijf.",
        "P-1 pok-ongetekend: POK versie 2 van deze BPV, die op 01-09-2026 is begonnen, mist nog de handtekening van het leerbedrijf, de school en de ouder/verzorger: verzamel de handtekeningen en registreer ze met 'bpv pok sign'.",
        "P-1 uren-tekort: 46,25 goedgekeurde uren, afgesproken 640 (tekort 593,75), en de BPV eindigde op 31-10-2026: spreek met de student en de BPV-begeleider af hoe de ontbrekende uren worden ingehaald.",
        "P-1 buiten-periode: 7,5 uur gewerkt op 31-08-2026, buiten de BPV-periode (01-09-2026 t/m 31-10-2026): deze uren tellen niet mee; laat de student ze verwijderen of corrigeer de periode van de plaatsing.",
        "P-1 akkoord-verlopen: Week 2026-W39 heeft 1 registratie zonder akkoord (8 uur, waarvan 8 gewerkt) en de BPV eindigde op 31-10-2026: na 30-11-2026 kan niet meer worden goedgekeurd, dus deze uren tellen niet mee. Bespreek met de BPV-begeleider of ze elders worden ingehaald.",
        "P-1 correctie-open: Week 2026-W39 heeft 1 registratie met een open correctieverzoek, 79 dagen na het einde van de week: de student moet de uren corrigeren en opnieuw indienen.",
        "P-1 akkoord-te-laat: Week 2026-W40 is goedgekeurd op 07-10-2026, na de deadline van maandag 05-10-2026: vraag de praktijkopleider de uren wekelijks, uiterlijk op maandag, goed te keuren.",
        "P-1 max-uren-week: 46,25 uur gewerkt in week 2026-W40, meer dan de 45 uur per week die de Arbeidstijdenwet toestaat voor een student van 17: laat de student de week corrigeren en bespreek het rooster met de praktijkopleider.",
        "P-1 overwerk: 46,25 uur gewerkt in week 2026-W40, afgesproken 32: overwerk niet als BPV-uren registreren; laat de student de week corrigeren.",
        "P-1 akkoord-verlopen: Week 2026-W41 heeft 1 registratie zonder akkoord (8 uur, waarvan 8 gewerkt) en de BPV eindigde op 31-10-2026: na 30-11-2026 kan niet meer worden goedgekeurd, dus deze uren tellen niet mee. Bespreek met de BPV-begeleider of ze elders worden ingehaald.",
        "P-1 niet-ingediend: Week 2026-W41 heeft nog 1 registratie in concept: de student moet de week indienen bij de praktijkopleider.",
        "P-1 akkoord-te-laat: Week 2026-W43 wacht nog op akkoord (1 registratie ingediend), de deadline was maandag 26-10-2026: de praktijkopleider moet de week goedkeuren of om correctie vragen.",
        "P-1 akkoord-verlopen: Week 2026-W43 heeft 1 registratie zonder akkoord (9,5 uur, waarvan 9,5 gewerkt) en de BPV eindigde op 31-10-2026: na 30-11-2026 kan niet meer worden goedgekeurd, dus deze uren tellen niet mee. Bespreek met de BPV-begeleider of ze elders worden ingehaald.",
        "P-1 max-uren-dag: 9,5 uur gewerkt op 19-10-2026, meer dan de 9 uur per dag die de Arbeidstijdenwet toestaat voor een student van 17: laat de student de uren corrigeren en bespreek het rooster met de praktijkopleider.",
        "P-1 schoolvakantie: 9,5 uur gewerkt op 19-10-2026, in de schoolvakantie "Herfstvakantie" (regio zuid) zonder afspraak over vakantiewerk: laat de student de uren verwijderen, of leg vakantiewerk vast bij de plaatsing (kolom vakantiewerk).",
        "P-1 toekomst: 8 uur (gewerkt) geregistreerd op 20-12-2026, na de peildatum 15-12-2026: uren worden pas na de dag zelf geregistreerd; laat de student de datum controleren of de registratie verwijderen.",
        "P-2 uren-achterstand: 0 uur gewerkt van 02-11-2026 t/m 13-12-2026, verwacht minstens 179,2 (80% van het deel van 640 uur dat bij deze dagen hoort): bespreek met de student en de praktijkopleider hoe de achterstand wordt ingehaald.",
      ]
    `);
  });

  it('read as follows in English', () => {
    const lines = runRules({ ...input, lang: 'en' }).findings.map((f) => `${f.placement} ${f.rule}: ${f.message}`);
    expect(lines).toMatchInlineSnapshot(`
      [
        "P-1 langdurig-ziek: The student was reported sick on 5 consecutive registered days (2026-09-14 to 2026-09-18, threshold 5): contact the student and the BPV supervisor about the absence and what it means for the hours.",
        "P-1 niet-erkend: The company (KvK 12345678) is not recognised for crebo 25491 on the start date 2026-09-01: check the recognition in the SBB register and import it, or find a recognised company.",
        "P-1 pok-ongetekend: POK version 2 of this BPV, which started on 2026-09-01, still lacks the signature of the company (leerbedrijf), the school and the parent/guardian: collect the signatures and record them with 'bpv pok sign'.",
        "P-1 uren-tekort: 46.25 approved hours, agreed 640 (short by 593.75), and the BPV ended on 2026-10-31: agree with the student and the BPV supervisor how the missing hours are made up.",
        "P-1 buiten-periode: 7.5 hours worked on 2026-08-31, outside the BPV period (2026-09-01 to 2026-10-31): these hours do not count; have the student remove them or correct the placement's period.",
        "P-1 akkoord-verlopen: Week 2026-W39 has 1 entry without approval (8 hours, 8 of them worked) and the BPV ended on 2026-10-31: approval is no longer possible after 2026-11-30, so these hours do not count. Discuss with the BPV supervisor whether they must be made up elsewhere.",
        "P-1 correctie-open: Week 2026-W39 has 1 entry with an open correction request, 79 days after the week ended: the student must correct and resubmit the hours.",
        "P-1 akkoord-te-laat: Week 2026-W40 was approved on 2026-10-07, after the deadline of Monday 2026-10-05: ask the praktijkopleider to approve the hours weekly, on Monday at the latest.",
        "P-1 max-uren-week: 46.25 hours worked in week 2026-W40, more than the 45 hours a week the Working Hours Act (Arbeidstijdenwet) allows for a student aged 17: have the student correct the week and discuss the schedule with the praktijkopleider.",
        "P-1 overwerk: 46.25 hours worked in week 2026-W40, agreed 32: overtime is not to be registered as BPV hours; have the student correct the week.",
        "P-1 akkoord-verlopen: Week 2026-W41 has 1 entry without approval (8 hours, 8 of them worked) and the BPV ended on 2026-10-31: approval is no longer possible after 2026-11-30, so these hours do not count. Discuss with the BPV supervisor whether they must be made up elsewhere.",
        "P-1 niet-ingediend: Week 2026-W41 still has 1 entry in draft (concept): the student must submit the week to the praktijkopleider.",
        "P-1 akkoord-te-laat: Week 2026-W43 is still waiting for approval (1 entry submitted); the deadline was Monday 2026-10-26: the praktijkopleider must approve the week or ask for a correction.",
        "P-1 akkoord-verlopen: Week 2026-W43 has 1 entry without approval (9.5 hours, 9.5 of them worked) and the BPV ended on 2026-10-31: approval is no longer possible after 2026-11-30, so these hours do not count. Discuss with the BPV supervisor whether they must be made up elsewhere.",
        "P-1 max-uren-dag: 9.5 hours worked on 2026-10-19, more than the 9 hours a day the Working Hours Act (Arbeidstijdenwet) allows for a student aged 17: have the student correct the hours and discuss the schedule with the praktijkopleider.",
        "P-1 schoolvakantie: 9.5 hours worked on 2026-10-19, during the school holiday "Herfstvakantie" (region zuid) without an agreement on holiday work: have the student remove the hours, or record holiday work for the placement (column vakantiewerk).",
        "P-1 toekomst: 8 hours (gewerkt) registered on 2026-12-20, after the as-of date 2026-12-15: hours are registered only after the day itself; have the student check the date or remove the entry.",
        "P-2 uren-achterstand: 0 hours worked from 2026-11-02 to 2026-12-13, expected at least 179.2 (80% of the share of 640 hours for these days): discuss with the student and the praktijkopleider how to catch up.",
      ]
    `);
  });
});
