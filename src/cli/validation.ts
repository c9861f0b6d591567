// The validator over the database with the command line's filters: what `bpv validate`, the
// status overview and the monthly report run. Loaded by the commands that need it, not with the
// command tree (the rules are a quarter of bpv's modules).
import type { Db } from '../db/open.js';
import { getSetting } from '../db/settings.js';
import { todayIso } from '../domain/dates.js';
import type { Regio } from '../domain/types.js';
import { holidaysInForce } from '../holidays/calendar.js';
import { lang, type Lang } from '../i18n/lang.js';
import { msg } from '../i18n/messages.js';
import { UsageError } from '../errors.js';
import type { ValidationResult } from '../rules/engine.js';
import { validateDatabase } from '../rules/load.js';
import { isoDateFlag } from './placements.js';

export interface ValidateFlags {
  asOf?: string;
  /** the findings' language; default the run's (--lang), which the notes keep */
  findingLang?: Lang;
  placement?: string[];
  praktijkopleider?: string;
  from?: string;
  to?: string;
  rule?: string[];
}

/** The validator over the database, as `bpv validate` and the monthly report run it. */
export function runValidation(db: Db, f: ValidateFlags): ValidationResult {
  const from = isoDateFlag('--from', f.from);
  const to = isoDateFlag('--to', f.to);
  // an empty range would read as "no findings"
  if (from && to && from > to) throw new UsageError(msg().fromAfterTo(f.from!, f.to!));
  const regio = getSetting(db, 'school.regio') as Regio | undefined;
  return validateDatabase(db, {
    asOf: isoDateFlag('--as-of', f.asOf) ?? todayIso(),
    lang: lang(),
    findingLang: f.findingLang,
    holidays: regio ? holidaysInForce(db, regio) : [],
    filters: {
      ...(f.placement?.length ? { placement: f.placement } : {}),
      ...(f.praktijkopleider ? { praktijkopleider: f.praktijkopleider } : {}),
      ...(f.rule?.length ? { rules: f.rule } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    },
  });
}
