// Every rule, in the order of the SPEC §4 table. The engine runs them in this order; the
// output order comes from sorting, not from here.

import { akkoordTeLaat } from './akkoord-te-laat.js';
import { akkoordVerlopen } from './akkoord-verlopen.js';
import { buitenPeriode } from './buiten-periode.js';
import type { RuleCode } from './codes.js';
import { correctieOpen } from './correctie-open.js';
import { langdurigZiek } from './langdurig-ziek.js';
import { maxUrenDag } from './max-uren-dag.js';
import { maxUrenWeek } from './max-uren-week.js';
import { nietErkend } from './niet-erkend.js';
import { nietIngediend } from './niet-ingediend.js';
import { overwerk } from './overwerk.js';
import { pokOngetekend } from './pok-ongetekend.js';
import { schoolvakantie } from './schoolvakantie.js';
import { toekomst } from './toekomst.js';
import type { RuleDef } from './types.js';
import { urenAchterstand } from './uren-achterstand.js';
import { urenTekort } from './uren-tekort.js';

export const RULES: readonly RuleDef[] = [
  buitenPeriode,
  schoolvakantie,
  overwerk,
  maxUrenDag,
  maxUrenWeek,
  toekomst,
  nietIngediend,
  akkoordTeLaat,
  correctieOpen,
  akkoordVerlopen,
  langdurigZiek,
  urenAchterstand,
  urenTekort,
  pokOngetekend,
  nietErkend,
];

/** Rules whose outcome depends on the student's age. */
export const AGE_RULES: ReadonlySet<RuleCode> = new Set<RuleCode>(['max-uren-dag', 'max-uren-week', 'pok-ongetekend']);
