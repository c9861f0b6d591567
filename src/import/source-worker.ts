// Runs the reading layer in a worker thread, so that decoding and CSV parsing of a large file
// use the second core while the main thread validates and writes. Records travel in batches;
// the main thread hands out credit so a fast reader cannot fill memory ahead of the writer.
import { parentPort, workerData } from 'node:worker_threads';
import { BpvError } from '../errors.js';
import { setLang } from '../i18n/lang.js';
import { openBatches } from './source.js';
import { BatchEncoder, type EncodedBatch } from './source-worker-codec.js';

export type WorkerMessage =
  | { type: 'meta'; encoding: string; delimiter: string; hadBom: boolean; header: string[]; headerLine: number }
  | { type: 'batch'; batch: EncodedBatch; bytesRead: number }
  | { type: 'end'; sha256: string; bytesRead: number }
  | { type: 'error'; message: string; exitCode: number | null; stack?: string | undefined };

const BATCH = 1000;
// batches the reader may be ahead of the writer: enough to ride out a garbage collection on either side
const MAX_IN_FLIGHT = 8;

async function run(): Promise<void> {
  const port = parentPort!;
  const { file, opts, lang } = workerData as { file: string; opts: { delimiter?: string; encoding?: string }; lang: string };
  setLang(lang);
  let credit = MAX_IN_FLIGHT;
  let wake: (() => void) | undefined;
  port.on('message', (m: { type: string }) => {
    if (m.type === 'credit') {
      credit++;
      wake?.();
    }
  });
  try {
    const src = await openBatches(file, opts);
    port.postMessage({ type: 'meta', encoding: src.encoding, delimiter: src.delimiter, hadBom: src.hadBom, header: src.header, headerLine: src.headerLine } satisfies WorkerMessage);
    const encoder = new BatchEncoder();
    for await (const batch of src.batches) {
      // a chunk's records in parts: the writer's young generation holds a part while it works
      // on it; a whole chunk (~10,000 rows) outlived it and tripled the writer's GC time
      for (let at = 0; at < batch.records.length; at += BATCH) {
        while (credit <= 0) await new Promise<void>((res) => (wake = res));
        credit--;
        const part = encoder.encode(batch.records.slice(at, at + BATCH), batch.lines.slice(at, at + BATCH));
        port.postMessage({ type: 'batch', batch: part, bytesRead: src.bytesRead() } satisfies WorkerMessage, [part.counts.buffer, part.refs.buffer, part.lines.buffer]);
      }
    }
    port.postMessage({ type: 'end', sha256: src.sha256(), bytesRead: src.bytesRead() } satisfies WorkerMessage);
  } catch (e) {
    const err = e as Error;
    port.postMessage({ type: 'error', message: err.message, exitCode: e instanceof BpvError ? e.exitCode : null, stack: err.stack } satisfies WorkerMessage);
  }
  port.close();
}

void run();
