// Writes files on a second thread, in the order given. Used for the CSV reports, whose building
// is quick: the system calls of creating the files then took as long as building them. (The
// PDFs are written here: rendering dwarfs the writes.)
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WriterReply, WriterRequest } from './file-writer-worker.js';

const WORKER_URL = new URL('./file-writer-worker.js', import.meta.url);

export interface FileWriter {
  /**
   * Makes these files (empty) ahead of their contents: creating a file costs four times as
   * much as filling it, and this can happen while the contents are still being computed.
   */
  create(files: readonly string[]): void;
  write(file: string, data: string | Uint8Array): void;
  /** resolves when every file is written; rejects with the first failure (an Error with its errno code) */
  close(): Promise<void>;
  /** stops writing: the run failed on this side */
  abort(): Promise<void>;
}

/** Writes on this thread (few files, or when running from the TypeScript sources). */
export function syncWriter(): FileWriter {
  return { create: () => {}, write: (file, data) => writeFileSync(file, data), close: async () => {}, abort: async () => {} };
}

export function threadWriter(): FileWriter {
  if (!existsSync(fileURLToPath(WORKER_URL))) return syncWriter();
  const worker = new Worker(WORKER_URL);
  // Not keeping the process alive until close(): a run that fails before it ends as it should.
  worker.unref();
  let failure: Error | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: WriterReply) => {
      if (m.ok) return resolve();
      failure = Object.assign(new Error(m.message), { code: m.code });
      reject(failure);
    });
    worker.on('error', reject);
    worker.on('exit', () => resolve());
  });
  // a failure stops the run at the next file rather than after all of them
  finished.catch(() => {});
  return {
    create(files) {
      worker.postMessage({ create: [...files] } satisfies WriterRequest);
    },
    write(file, data) {
      if (failure) throw failure;
      worker.postMessage({ file, data } satisfies WriterRequest);
    },
    async close() {
      worker.ref();
      worker.postMessage({ done: true } satisfies WriterRequest);
      await finished;
      if (failure) throw failure;
    },
    async abort() {
      await worker.terminate();
    },
  };
}
