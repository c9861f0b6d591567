// Every kind of import, by the name `bpv import <kind>` takes.
import type { ImportKind } from './run.js';
import { placementsImport } from './placements.js';

export const IMPORT_KINDS: Record<string, ImportKind<any>> = {
  placements: placementsImport,
};
