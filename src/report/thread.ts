// The report's second thread. Every praktijkopleider's report reads the timesheets twice (the
// month's weeks, the approved hours before the month) and the placements once: the two scans
// run there on a connection of its own while this thread reads the placements and makes the
// files (the caller checks that both read the same state of the database). Then it fills the
// CSV files while this thread builds the next ones: writing a thousand files took as long as
// building them. One thread for both: the machines have two cores.
import { existsSync, writeFileSync } from 'node:fs';
import { csvText, type CsvFile } from '../output/csv.js';
import { csvFromParts, type CsvParts } from './csv.js';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReportMonth } from './month.js';
import type { ReportHours } from './queries.js';
import type { ThreadReply, ThreadRequest } from './thread-worker.js';

const WORKER_URL = new URL('./thread-worker.js', import.meta.url);

/** A file's contents: bytes (a PDF), CSV text, or a report's CSV to finish (see CsvParts). */
export type FileData = Uint8Array | CsvFile | CsvParts;

/**
 * `empty`: the file is there and empty (this run made it), so it is written without truncating
 * it. Truncating a file to nothing makes ext4 write its new data out when it is closed (its
 * guard for programs that replace a file that way): a thousand such writes waited for the disk.
 */
export function writeFileData(file: string, data: FileData, empty = false): void {
  const contents = data instanceof Uint8Array ? data : csvText('heads' in data ? csvFromParts(data) : data);
  writeFileSync(file, contents, empty ? { flag: 'r+' } : undefined);
}

/** Where files are written: on this thread, or on the report's second thread. */
export interface FileWriter {
  /** `empty`: see writeFileData */
  write(file: string, data: FileData, empty?: boolean): void;
  /** resolves when every file is written; rejects with the first failure (an Error with its errno code) */
  close(): Promise<void>;
  /** stops writing: the run failed on this side */
  abort(): Promise<void>;
}

export const syncWriter: FileWriter = { write: writeFileData, close: async () => {}, abort: async () => {} };

export interface ReportThread extends FileWriter {
  /** every placement's hours, read there; null when that failed (read them here) */
  hours(dbFile: string, month: ReportMonth): Promise<ReportHours | null>;
}

/** null where a thread cannot be: BPV_THREADS=1, or running from the TypeScript sources */
export function startReportThread(): ReportThread | null {
  if (process.env.BPV_THREADS === '1' || !existsSync(fileURLToPath(WORKER_URL))) return null;
  const worker = new Worker(WORKER_URL);
  // a run that fails on this thread ends without waiting for it
  worker.unref();
  const post = (m: ThreadRequest, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);
  let onHours: ((h: ReportHours | null) => void) | undefined;
  let failure: Error | undefined;
  let onDone: { resolve(): void; reject(e: Error): void } | undefined;
  worker.on('message', (m: ThreadReply) => {
    if (m.type === 'hours') onHours?.(m.hours);
    else if (m.type === 'failed') {
      failure = Object.assign(new Error(m.message), { code: m.code, path: m.path });
      onDone?.reject(failure);
    } else onDone?.resolve();
  });
  const lost = (e: Error) => {
    failure ??= e;
    onHours?.(null);
    onDone?.reject(failure);
  };
  worker.on('error', lost);
  // it ends by itself (code 0) only after its reply to 'done'
  worker.on('exit', (code) => {
    if (code !== 0) lost(new Error(`report thread stopped (${code})`));
  });
  return {
    hours(dbFile, month) {
      return new Promise((resolve) => {
        onHours = resolve;
        worker.ref();
        post({ type: 'hours', file: dbFile, month });
      }).finally(() => worker.unref()) as Promise<ReportHours | null>;
    },
    write(file, data, empty) {
      if (failure) throw failure;
      // a report's week rows go over without a copy
      post({ type: 'write', file, data, empty: !!empty }, 'weeks' in data ? [data.weeks.buffer] : []);
    },
    close() {
      if (failure) return Promise.reject(failure);
      worker.ref();
      return new Promise<void>((resolve, reject) => {
        onDone = { resolve, reject };
        post({ type: 'done' });
      });
    },
    async abort() {
      await worker.terminate();
    },
  };
}
