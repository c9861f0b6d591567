// The validator's typed errors; the CLI's top-level handler maps them to exit 2 and 3.

import { DatabaseError, UsageError } from '../errors.js';
import type { Lang } from '../i18n/rule-format.js';
import { ruleNote } from '../i18n/rule-notes.js';
import { InvalidDateError } from './dates.js';

/** A usage problem in the input (unknown --rule, malformed --as-of/--from/--to): exit 2. */
export class ValidationInputError extends UsageError {
  constructor(message: string, details: Record<string, unknown>) {
    super(message, details);
    this.name = 'ValidationInputError';
  }
}

/** A stored date the rules cannot read: a database problem (exit 3). */
export class ValidationDataError extends DatabaseError {
  constructor(message: string, details: Record<string, unknown>) {
    super(message, details);
    this.name = 'ValidationDataError';
  }
}

/** Runs `fn`, turning a malformed stored date into a ValidationDataError that says where it is. */
export function readingDates<T>(where: string, lang: Lang, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InvalidDateError) {
      throw new ValidationDataError(ruleNote.badStoredDate(where, e.value, lang), { where, value: e.value });
    }
    throw e;
  }
}
