// The report's second thread (thread.ts): first the scans of the timesheets on a connection of
// its own, then the CSV files, in the order they come.
import { parentPort } from 'node:worker_threads';
import { openDb } from '../db/open.js';
import type { ReportMonth } from './month.js';
import type { ReportHours } from './queries.js';
import { readHours } from './queries.js';
import { writeFileData, type FileData } from './thread.js';

export type ThreadRequest =
  | { type: 'hours'; file: string; month: ReportMonth }
  | { type: 'write'; file: string; data: FileData }
  | { type: 'done' };
export type ThreadReply =
  | { type: 'hours'; hours: ReportHours | null; message?: string }
  | { type: 'done' }
  | { type: 'failed'; message: string; code: string | undefined; path: string | undefined };

const port = parentPort!;
let failed = false;

function hours(file: string, month: ReportMonth): void {
  try {
    const db = openDb(file, { write: false });
    try {
      db.exec('BEGIN');
      const h = readHours(db, month, null);
      db.exec('COMMIT');
      port.postMessage({ type: 'hours', hours: h } satisfies ThreadReply, [h.month.buffer, h.before.buffer]);
    } finally {
      db.close();
    }
  } catch (e) {
    // the main thread then reads them itself
    port.postMessage({ type: 'hours', hours: null, message: (e as Error).message } satisfies ThreadReply);
  }
}

port.on('message', (m: ThreadRequest) => {
  if (m.type === 'hours') return hours(m.file, m.month);
  if (m.type === 'done') {
    if (!failed) port.postMessage({ type: 'done' } satisfies ThreadReply);
    port.close();
    return;
  }
  if (failed) return;
  try {
    writeFileData(m.file, m.data);
  } catch (e) {
    // the first failure is the one to report; the files after it are not written
    failed = true;
    const err = e as NodeJS.ErrnoException;
    port.postMessage({ type: 'failed', message: err.message, code: err.code, path: err.path } satisfies ThreadReply);
  }
});
