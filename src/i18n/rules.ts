// What each validator finding says, Dutch and English: what is wrong and what to do about it.
// Keyed by rule code; each function gets the finding's details (documented at the top of the
// rule's module) and its date or week.

import type { AkkoordTeLaatDetails } from '../rules/akkoord-te-laat.js';
import type { AkkoordVerlopenDetails } from '../rules/akkoord-verlopen.js';
import type { BuitenPeriodeDetails } from '../rules/buiten-periode.js';
import type { CorrectieOpenDetails } from '../rules/correctie-open.js';
import type { LangdurigZiekDetails } from '../rules/langdurig-ziek.js';
import type { MaxUrenDagDetails } from '../rules/max-uren-dag.js';
import type { MaxUrenWeekDetails } from '../rules/max-uren-week.js';
import type { NietErkendDetails } from '../rules/niet-erkend.js';
import type { NietIngediendDetails } from '../rules/niet-ingediend.js';
import type { OverwerkDetails } from '../rules/overwerk.js';
import type { PokOngetekendDetails } from '../rules/pok-ongetekend.js';
import type { SchoolvakantieDetails } from '../rules/schoolvakantie.js';
import type { ToekomstDetails } from '../rules/toekomst.js';
import type { PokParty, RuleMessages } from '../rules/types.js';
import type { UrenAchterstandDetails } from '../rules/uren-achterstand.js';
import type { UrenTekortDetails } from '../rules/uren-tekort.js';
import { date as dt, hrs, list, num, plural, type Lang } from './rule-format.js';

export type { Lang };

const PARTY: Record<PokParty, Record<Lang, string>> = {
  student: { nl: 'de student', en: 'the student' },
  ouder: { nl: 'de ouder/verzorger', en: 'the parent/guardian' },
  leerbedrijf: { nl: 'het leerbedrijf', en: 'the company (leerbedrijf)' },
  school: { nl: 'de school', en: 'the school' },
};

const parties = (ps: readonly PokParty[], lang: Lang): string => list(ps.map((p) => PARTY[p][lang]), lang);

const forAge = (leeftijd: number | null, lang: Lang): string =>
  leeftijd === null || leeftijd >= 18 ? '' : lang === 'nl' ? ` voor een student van ${leeftijd}` : ` for a student aged ${leeftijd}`;

const entriesEn = (n: number): string => plural(n, 'entry', 'entries');
const entriesNl = (n: number): string => plural(n, 'registratie', 'registraties');

// One entry per RuleCode: the registry (rules/registry.ts) fails to compile when one is missing.
interface RuleMessageTable {
  'buiten-periode': RuleMessages<BuitenPeriodeDetails>;
  schoolvakantie: RuleMessages<SchoolvakantieDetails>;
  overwerk: RuleMessages<OverwerkDetails>;
  'max-uren-dag': RuleMessages<MaxUrenDagDetails>;
  'max-uren-week': RuleMessages<MaxUrenWeekDetails>;
  toekomst: RuleMessages<ToekomstDetails>;
  'niet-ingediend': RuleMessages<NietIngediendDetails>;
  'akkoord-te-laat': RuleMessages<AkkoordTeLaatDetails>;
  'correctie-open': RuleMessages<CorrectieOpenDetails>;
  'akkoord-verlopen': RuleMessages<AkkoordVerlopenDetails>;
  'langdurig-ziek': RuleMessages<LangdurigZiekDetails>;
  'uren-achterstand': RuleMessages<UrenAchterstandDetails>;
  'uren-tekort': RuleMessages<UrenTekortDetails>;
  'pok-ongetekend': RuleMessages<PokOngetekendDetails>;
  'niet-erkend': RuleMessages<NietErkendDetails>;
}

export const RULE_MESSAGES: RuleMessageTable = {
  'buiten-periode': {
    nl: (d, at) =>
      `${hrs(d.uren, 'nl')} uur gewerkt op ${dt(at.date!, 'nl')}, buiten de BPV-periode (${dt(d.startdatum, 'nl')} t/m ${dt(d.effectieve_einddatum, 'nl')}): deze uren tellen niet mee; laat de student ze verwijderen of corrigeer de periode van de plaatsing.`,
    en: (d, at) =>
      `${hrs(d.uren, 'en')} hours worked on ${at.date}, outside the BPV period (${d.startdatum} to ${d.effectieve_einddatum}): these hours do not count; have the student remove them or correct the placement's period.`,
  },
  schoolvakantie: {
    nl: (d, at) =>
      `${hrs(d.uren, 'nl')} uur gewerkt op ${dt(at.date!, 'nl')}, in de schoolvakantie "${d.vakantie}" (regio ${d.regio}) zonder afspraak over vakantiewerk: laat de student de uren verwijderen, of leg vakantiewerk vast bij de plaatsing (kolom vakantiewerk).`,
    en: (d, at) =>
      `${hrs(d.uren, 'en')} hours worked on ${at.date}, during the school holiday "${d.vakantie}" (region ${d.regio}) without an agreement on holiday work: have the student remove the hours, or record holiday work for the placement (column vakantiewerk).`,
  },
  overwerk: {
    nl: (d, at) =>
      `${hrs(d.gewerkt, 'nl')} uur gewerkt in week ${at.week}, afgesproken ${hrs(d.afgesproken, 'nl')}${d.marge > 0 ? ` (marge ${hrs(d.marge, 'nl')})` : ''}: overwerk niet als BPV-uren registreren; laat de student de week corrigeren.`,
    en: (d, at) =>
      `${hrs(d.gewerkt, 'en')} hours worked in week ${at.week}, agreed ${hrs(d.afgesproken, 'en')}${d.marge > 0 ? ` (margin ${hrs(d.marge, 'en')})` : ''}: overtime is not to be registered as BPV hours; have the student correct the week.`,
  },
  'max-uren-dag': {
    nl: (d, at) =>
      `${hrs(d.uren, 'nl')} uur gewerkt op ${dt(at.date!, 'nl')}, meer dan de ${d.maximum} uur per dag die de Arbeidstijdenwet toestaat${forAge(d.leeftijd, 'nl')}: laat de student de uren corrigeren en bespreek het rooster met de praktijkopleider.`,
    en: (d, at) =>
      `${hrs(d.uren, 'en')} hours worked on ${at.date}, more than the ${d.maximum} hours a day the Working Hours Act (Arbeidstijdenwet) allows${forAge(d.leeftijd, 'en')}: have the student correct the hours and discuss the schedule with the praktijkopleider.`,
  },
  'max-uren-week': {
    nl: (d, at) =>
      `${hrs(d.gewerkt, 'nl')} uur gewerkt in week ${at.week}, meer dan de ${d.maximum} uur per week die de Arbeidstijdenwet toestaat${forAge(d.leeftijd, 'nl')}: laat de student de week corrigeren en bespreek het rooster met de praktijkopleider.`,
    en: (d, at) =>
      `${hrs(d.gewerkt, 'en')} hours worked in week ${at.week}, more than the ${d.maximum} hours a week the Working Hours Act (Arbeidstijdenwet) allows${forAge(d.leeftijd, 'en')}: have the student correct the week and discuss the schedule with the praktijkopleider.`,
  },
  toekomst: {
    nl: (d, at) =>
      `${hrs(d.uren, 'nl')} uur (${d.soorten.join(', ')}) geregistreerd op ${dt(at.date!, 'nl')}, na de peildatum ${dt(d.peildatum, 'nl')}: uren worden pas na de dag zelf geregistreerd; laat de student de datum controleren of de registratie verwijderen.`,
    en: (d, at) =>
      `${hrs(d.uren, 'en')} hours (${d.soorten.join(', ')}) registered on ${at.date}, after the as-of date ${d.peildatum}: hours are registered only after the day itself; have the student check the date or remove the entry.`,
  },
  'niet-ingediend': {
    nl: (d, at) =>
      `Week ${at.week} heeft nog ${entriesNl(d.concept)} in concept: de student moet de week indienen bij de praktijkopleider.`,
    en: (d, at) =>
      `Week ${at.week} still has ${entriesEn(d.concept)} in draft (concept): the student must submit the week to the praktijkopleider.`,
  },
  'akkoord-te-laat': {
    nl: (d, at) =>
      d.ingediend > 0
        ? `Week ${at.week} wacht nog op akkoord (${entriesNl(d.ingediend)} ingediend), de deadline was maandag ${dt(d.deadline, 'nl')}: de praktijkopleider moet de week goedkeuren of om correctie vragen.` +
          (d.laat_goedgekeurd > 0 ? ` Daarnaast ${d.laat_goedgekeurd === 1 ? 'is 1 registratie' : `zijn ${d.laat_goedgekeurd} registraties`} te laat goedgekeurd.` : '')
        : `Week ${at.week} is goedgekeurd op ${dt(d.laatst_goedgekeurd_op ?? d.deadline, 'nl')}, na de deadline van maandag ${dt(d.deadline, 'nl')}: vraag de praktijkopleider de uren wekelijks, uiterlijk op maandag, goed te keuren.`,
    en: (d, at) =>
      d.ingediend > 0
        ? `Week ${at.week} is still waiting for approval (${entriesEn(d.ingediend)} submitted); the deadline was Monday ${d.deadline}: the praktijkopleider must approve the week or ask for a correction.` +
          (d.laat_goedgekeurd > 0 ? ` Also, ${entriesEn(d.laat_goedgekeurd)} ${d.laat_goedgekeurd === 1 ? 'was' : 'were'} approved late.` : '')
        : `Week ${at.week} was approved on ${d.laatst_goedgekeurd_op ?? d.deadline}, after the deadline of Monday ${d.deadline}: ask the praktijkopleider to approve the hours weekly, on Monday at the latest.`,
  },
  'correctie-open': {
    nl: (d, at) =>
      `Week ${at.week} heeft ${entriesNl(d.correctie)} met een open correctieverzoek, ${d.dagen_na_week} dagen na het einde van de week: de student moet de uren corrigeren en opnieuw indienen.`,
    en: (d, at) =>
      `Week ${at.week} has ${entriesEn(d.correctie)} with an open correction request, ${d.dagen_na_week} days after the week ended: the student must correct and resubmit the hours.`,
  },
  'akkoord-verlopen': {
    nl: (d, at) =>
      `Week ${at.week} heeft ${entriesNl(d.niet_goedgekeurd)} zonder akkoord (${hrs(d.uren, 'nl')} uur, waarvan ${hrs(d.gewerkt, 'nl')} gewerkt) en de BPV eindigde op ${dt(d.effectieve_einddatum, 'nl')}: na ${dt(d.uiterste_akkoorddatum, 'nl')} kan niet meer worden goedgekeurd, dus deze uren tellen niet mee. Bespreek met de BPV-begeleider of ze elders worden ingehaald.`,
    en: (d, at) =>
      `Week ${at.week} has ${entriesEn(d.niet_goedgekeurd)} without approval (${hrs(d.uren, 'en')} hours, ${hrs(d.gewerkt, 'en')} of them worked) and the BPV ended on ${d.effectieve_einddatum}: approval is no longer possible after ${d.uiterste_akkoorddatum}, so these hours do not count. Discuss with the BPV supervisor whether they must be made up elsewhere.`,
  },
  'langdurig-ziek': {
    nl: (d) =>
      `De student is ${d.dagen} geregistreerde dagen achter elkaar ziek gemeld (${dt(d.eerste_dag, 'nl')} t/m ${dt(d.laatste_dag, 'nl')}, drempel ${d.drempel}): neem contact op met de student en de BPV-begeleider over het verzuim en de gevolgen voor de uren.`,
    en: (d) =>
      `The student was reported sick on ${d.dagen} consecutive registered days (${d.eerste_dag} to ${d.laatste_dag}, threshold ${d.drempel}): contact the student and the BPV supervisor about the absence and what it means for the hours.`,
  },
  'uren-achterstand': {
    nl: (d) =>
      `${hrs(d.gewerkt, 'nl')} uur gewerkt van ${dt(d.startdatum, 'nl')} t/m ${dt(d.tot_en_met, 'nl')}, verwacht minstens ${num(d.verwacht, 'nl')} (${num(d.drempel * 100, 'nl')}% van het deel van ${hrs(d.uren_totaal, 'nl')} uur dat bij deze dagen hoort): bespreek met de student en de praktijkopleider hoe de achterstand wordt ingehaald.`,
    en: (d) =>
      `${hrs(d.gewerkt, 'en')} hours worked from ${d.startdatum} to ${d.tot_en_met}, expected at least ${num(d.verwacht, 'en')} (${num(d.drempel * 100, 'en')}% of the share of ${hrs(d.uren_totaal, 'en')} hours for these days): discuss with the student and the praktijkopleider how to catch up.`,
  },
  'uren-tekort': {
    nl: (d) =>
      `${hrs(d.goedgekeurd, 'nl')} goedgekeurde uren, afgesproken ${hrs(d.uren_totaal, 'nl')} (tekort ${hrs(d.tekort, 'nl')}), en de BPV eindigde op ${dt(d.einddatum, 'nl')}: spreek met de student en de BPV-begeleider af hoe de ontbrekende uren worden ingehaald.`,
    en: (d) =>
      `${hrs(d.goedgekeurd, 'en')} approved hours, agreed ${hrs(d.uren_totaal, 'en')} (short by ${hrs(d.tekort, 'en')}), and the BPV ended on ${d.einddatum}: agree with the student and the BPV supervisor how the missing hours are made up.`,
  },
  'pok-ongetekend': {
    nl: (d) => {
      const bpv = d.gestart ? `deze BPV, die op ${dt(d.startdatum, 'nl')} is begonnen` : `deze BPV, die op ${dt(d.startdatum, 'nl')} begint`;
      if (d.verouderd) {
        return `POK versie ${d.versie} van ${bpv}, is verouderd: de gegevens van de plaatsing zijn daarna gewijzigd. Maak een nieuwe versie met 'bpv pok generate' en laat die tekenen door ${parties(d.vereist, 'nl')}.`;
      }
      return d.versie === null
        ? `Er is nog geen POK voor ${bpv}: maak hem met 'bpv pok generate' en laat hem tekenen door ${parties(d.vereist, 'nl')}.`
        : `POK versie ${d.versie} van ${bpv}, mist nog de handtekening van ${parties(d.ontbrekend, 'nl')}: verzamel de handtekeningen en registreer ze met 'bpv pok sign'.`;
    },
    en: (d) => {
      const bpv = d.gestart ? `this BPV, which started on ${d.startdatum}` : `this BPV, which starts on ${d.startdatum}`;
      if (d.verouderd) {
        return `POK version ${d.versie} of ${bpv}, is outdated: the placement's data changed since. Create a new version with 'bpv pok generate' and have it signed by ${parties(d.vereist, 'en')}.`;
      }
      return d.versie === null
        ? `There is no POK yet for ${bpv}: create it with 'bpv pok generate' and have it signed by ${parties(d.vereist, 'en')}.`
        : `POK version ${d.versie} of ${bpv}, still lacks the signature of ${parties(d.ontbrekend, 'en')}: collect the signatures and record them with 'bpv pok sign'.`;
    },
  },
  'niet-erkend': {
    nl: (d) =>
      `Het leerbedrijf (KvK ${d.kvk}${d.vestigingsnummer === null ? '' : `, vestiging ${d.vestigingsnummer}`}) is op de startdatum ${dt(d.startdatum, 'nl')} niet erkend voor crebo ${d.crebo}: controleer de erkenning in het SBB-register en importeer die, of zoek een erkend leerbedrijf.`,
    en: (d) =>
      `The company (KvK ${d.kvk}${d.vestigingsnummer === null ? '' : `, location ${d.vestigingsnummer}`}) is not recognised for crebo ${d.crebo} on the start date ${d.startdatum}: check the recognition in the SBB register and import it, or find a recognised company.`,
  },
};
