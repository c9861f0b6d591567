// The POK state of each placement in a report, from the POK module: the report never reads
// pok_versions or pok_signatures itself, so "signed" means the same here as in `bpv pok status`.

import type { Db } from '../db/open.js';
import { pokState, pokStatus, type PokState } from '../pok/index.js';

export type { PokState };

export type PokLookup = (plaatsingId: string) => PokState;

/** One pass over the POK status of the given placements; unknown ids read as `ontbreekt`. */
export function pokLookup(db: Db, plaatsingIds: readonly string[]): PokLookup {
  if (plaatsingIds.length === 0) return () => 'ontbreekt';
  const states = new Map<string, PokState>();
  for (const entry of pokStatus(db, { placements: plaatsingIds })) states.set(entry.placement, pokState(entry));
  return (id) => states.get(id) ?? 'ontbreekt';
}
