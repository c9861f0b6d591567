// Writing generated POKs to disk for `bpv pok generate --out DIR`. Each file is written under a
// temporary name and renamed into place, so an interrupted run never leaves a half PDF that
// looks like a finished contract.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PokCopy } from './render.js';
import type { PokGenerated } from './versions.js';
import { writeAtomic } from '../util/write-atomic.js';

const COPIES: readonly PokCopy[] = ['student', 'leerbedrijf', 'onderwijsinstelling'];

/**
 * Writes the POK (or, when it was generated with `split`, its three copies) into `outDir`,
 * creating the directory. Returns the paths written, in order.
 */
export function writePokFiles(result: PokGenerated, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  if (result.split) {
    for (const copy of COPIES) {
      const file = path.join(outDir, result.files.split[copy]);
      writeAtomic(file, result.split[copy]);
      written.push(file);
    }
  } else {
    const file = path.join(outDir, result.files.pdf);
    writeAtomic(file, result.pdf);
    written.push(file);
  }
  return written;
}
