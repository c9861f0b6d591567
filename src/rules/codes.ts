// The rule codes of SPEC §4, in the table's order, with their default severities. Kept apart
// from the rule modules so settings and the CLI can name rules without loading them.

import type { Severity } from '../domain/types.js';

export const RULE_CODES = [
  'buiten-periode',
  'schoolvakantie',
  'overwerk',
  'max-uren-dag',
  'max-uren-week',
  'toekomst',
  'niet-ingediend',
  'akkoord-te-laat',
  'correctie-open',
  'akkoord-verlopen',
  'langdurig-ziek',
  'uren-achterstand',
  'uren-tekort',
  'pok-ongetekend',
  'niet-erkend',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

export const DEFAULT_SEVERITY: Readonly<Record<RuleCode, Severity>> = {
  'buiten-periode': 'error',
  schoolvakantie: 'error',
  overwerk: 'error',
  'max-uren-dag': 'error',
  'max-uren-week': 'error',
  toekomst: 'error',
  'niet-ingediend': 'warning',
  'akkoord-te-laat': 'warning',
  'correctie-open': 'warning',
  'akkoord-verlopen': 'error',
  'langdurig-ziek': 'warning',
  'uren-achterstand': 'warning',
  'uren-tekort': 'warning',
  'pok-ongetekend': 'error',
  'niet-erkend': 'error',
};

const CODE_SET: ReadonlySet<string> = new Set(RULE_CODES);

export function isRuleCode(code: string): code is RuleCode {
  return CODE_SET.has(code);
}
