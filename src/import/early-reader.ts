// The reading thread of a large import, started before the command line is parsed. A worker
// takes some 100 ms to boot and 50 ms to load its modules; started once the import command
// ran (after the main thread had loaded its own modules), the writer waited that long for its
// first rows. This module loads nothing but node's own, so the entry point can start it first.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isSqliteFile } from '../util/sqlite-file.js';

export const WORKER_URL = new URL('./source-worker.js', import.meta.url);
/** below this size a thread costs more than it saves */
export const THREAD_MIN_BYTES = 4 << 20;

// A small heap for the reader: it holds a few batches at a time (the whole import must stay
// under 300 MB for a million rows). Every field is a short-lived string, so the young
// generation is what matters. Since it also parses and numbers the rows, 48 MB rather than
// 16: 100,000 placements 1.76 s against 1.85 s (medians of 14 interleaved runs, 0.2 s less
// CPU), a million timesheet rows as fast, 20 MB more at the peak (191 MB). 96 MB was slower.
const LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 48 };

/** Whether imports may use a thread at all (BPV_THREADS=1: everything on this thread). */
export function threadsAllowed(): boolean {
  return process.env.BPV_THREADS !== '1' && fs.existsSync(fileURLToPath(WORKER_URL));
}

let early: Worker | undefined;

/**
 * Starts the reader when the command line looks like an import of a large file; a guess (the
 * command is parsed later), so an unused reader only waits, unref'd, until the process ends.
 */
export function startEarlyReader(argv: readonly string[]): void {
  const args = argv.slice(2);
  if (!args.includes('import') || !threadsAllowed()) return;
  // a large file that is not the database (an import of a few rows into a year's database reads them here)
  if (!args.some(isLargeNonDatabase)) return;
  const w = new Worker(WORKER_URL, { resourceLimits: LIMITS, workerData: { early: true } });
  w.unref();
  // a reader that fails to start is not the import's failure: openReader starts another
  const gone = () => {
    if (early === w) early = undefined;
  };
  w.on('error', gone);
  w.on('exit', gone);
  early = w;
}

/** A reader thread for `data`: the early one when there is one (told what to read), else a new one. */
export function openReader(data: unknown): Worker {
  const w = early;
  early = undefined;
  if (w) {
    w.ref();
    w.postMessage({ type: 'open', data });
    return w;
  }
  return new Worker(WORKER_URL, { resourceLimits: LIMITS, workerData: data });
}

/** Any argument may be anything (a path through a file, one not readable): those are not it. */
function isLargeNonDatabase(arg: string): boolean {
  try {
    return (fs.statSync(arg, { throwIfNoEntry: false })?.size ?? 0) >= THREAD_MIN_BYTES && !isSqliteFile(arg);
  } catch {
    return false;
  }
}
