// Every kind of import, by the name `bpv import <kind>` takes.
import type { ImportKind } from './run.js';
import { placementsImport } from './placements.js';
import { timesheetsImport } from './timesheets.js';
import { holidaysImport } from './holidays.js';
import { recognitionsImport } from './recognitions.js';

export const IMPORT_KINDS: Record<string, ImportKind<any>> = {
  placements: placementsImport,
  timesheets: timesheetsImport,
  holidays: holidaysImport,
  recognitions: recognitionsImport,
};
