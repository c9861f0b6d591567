// The report's second thread. Every praktijkopleider's report reads the timesheets twice (the
// month's weeks, the approved hours before the month) and the placements once: the two scans
// run there on a connection of its own while this thread reads the placements and makes the
// files (the caller checks that both read the same state of the database). Then it fills the
// CSV files while this thread builds the next ones: writing a thousand files took as long as
// building them. One thread for both: the machines have two cores.
import { closeSync, constants, existsSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { writeAtomic } from '../util/write-atomic.js';
import type { CsvFile } from '../output/csv.js';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReportMonth } from './month.js';
import type { ReportHours } from './queries.js';
import type { ThreadReply, ThreadRequest } from './thread-worker.js';

const WORKER_URL = new URL('./thread-worker.js', import.meta.url);

/** A file's contents: bytes (a PDF), or CSV text. */
export type FileData = Uint8Array | CsvFile;

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * Writes the file in place: opened without truncating it, written from its start, then cut to
 * its new length. Truncating a file to nothing makes ext4 write its data out when it is closed
 * (its guard for programs that replace a file that way): a second run into the same folder
 * rewrote a thousand reports in 140-165 ms that way, in 31 ms this way (measured).
 */
export function writeFileData(file: string, data: FileData): void {
  // A PDF goes under a temporary name and is renamed over the earlier one: half a PDF (a full
  // disk, a kill) is no document at all, and an earlier run's stays whole. PDFs come a few a
  // second, so the rename costs nothing; a thousand CSV files stay in place (see above).
  if (data instanceof Uint8Array) return writeAtomic(file, data);
  // the CSV's mark apart: in front of the text it would make all of it two bytes a character
  const parts = data instanceof Uint8Array ? [data] : data.bom ? [BOM, Buffer.from(data.text)] : [Buffer.from(data.text)];
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT, 0o666);
  try {
    let at = 0;
    for (const p of parts) {
      for (let done = 0; done < p.length; ) done += writeSync(fd, p, done, p.length - done, at + done);
      at += p.length;
    }
    ftruncateSync(fd, at);
  } finally {
    closeSync(fd);
  }
}

/** Where files are written: on this thread, or on the report's second thread. */
export interface FileWriter {
  write(file: string, data: FileData): void;
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
  const post = (m: ThreadRequest) => worker.postMessage(m);
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
    write(file, data) {
      if (failure) throw failure;
      post({ type: 'write', file, data });
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
