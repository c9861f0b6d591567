// The report files' writing thread (file-writer.ts): creating a thousand files is a third of a
// CSV run's time in system calls, which this thread spends while the main one reads the
// database and builds the reports.
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

export type WriterRequest = { file: string; data: string | Uint8Array } | { create: string[] } | { done: true };
export type WriterReply = { ok: true; written: number } | { ok: false; message: string; code: string | undefined };

const port = parentPort!;
let written = 0;
let failed = false;
port.on('message', (m: WriterRequest) => {
  if ('done' in m) {
    if (!failed) port.postMessage({ ok: true, written } satisfies WriterReply);
    port.close();
    return;
  }
  if (failed) return;
  try {
    if ('create' in m) {
      for (const f of m.create) closeSync(openSync(f, 'w'));
    } else {
      writeFileSync(m.file, m.data);
      written++;
    }
  } catch (e) {
    // the first failure is the one to report; what comes after it is not written
    failed = true;
    const err = e as NodeJS.ErrnoException;
    port.postMessage({ ok: false, message: err.message, code: err.code } satisfies WriterReply);
  }
});
