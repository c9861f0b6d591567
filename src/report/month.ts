// The month a report covers, as epoch days and ISO dates. `--month` is the only place a month
// enters the program, so it is checked here once and everything after works with days.

import { UsageError } from '../errors.js';
import { reportMsg } from '../i18n/report.js';
import { daysFromCivil, daysInMonth, mondayOf, toIso, type EpochDay } from '../rules/dates.js';

export interface ReportMonth {
  /** `YYYY-MM` */
  month: string;
  year: number;
  /** 1–12 */
  number: number;
  first: EpochDay;
  last: EpochDay;
  firstIso: string;
  lastIso: string;
  /** Monday of the ISO week holding the first day: week index 0 of the month */
  firstMonday: EpochDay;
}

export function parseMonth(value: string | undefined): ReportMonth {
  const m = value === undefined ? null : /^(\d{4})-(\d{2})$/.exec(value.trim());
  const year = m ? Number(m[1]) : NaN;
  const number = m ? Number(m[2]) : NaN;
  // the years a date may have anywhere in bpv (values.ts): a later month failed on the check
  // of a date made from it, naming the --from flag of validate, which the user never typed
  if (!m || number < 1 || number > 12 || year < 1900 || year > 2199) throw new UsageError(reportMsg().badMonth(value ?? ''));
  const first = daysFromCivil(year, number, 1);
  const last = first + daysInMonth(year, number) - 1;
  return { month: m[0]!, year, number, first, last, firstIso: toIso(first), lastIso: toIso(last), firstMonday: mondayOf(first) };
}
