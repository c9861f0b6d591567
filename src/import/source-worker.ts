// Runs the reading layer in a worker thread, so that decoding and CSV parsing of a large file
// use the second core while the main thread validates and writes. Records travel in batches;
// the main thread hands out credit so a fast reader cannot fill memory ahead of the writer.
import { parentPort, workerData } from 'node:worker_threads';
import { BpvError } from '../errors.js';
import { setLang } from '../i18n/lang.js';
import { openBatches } from './source.js';
import { BatchEncoder, CREDIT_EVERY, KeyNumbers, transferables, type EncodedBatch, type ParsedBatch } from './source-worker-codec.js';
import { parseRow, RowContext, type RowShape } from './row.js';

export type WorkerMessage =
  | { type: 'meta'; encoding: string; delimiter: string; hadBom: boolean; header: string[]; headerLine: number }
  | { type: 'batch'; batch: EncodedBatch; bytesRead: number }
  | { type: 'end'; sha256: string; bytesRead: number }
  | { type: 'error'; message: string; exitCode: number | null; stack?: string | undefined };

/** After the header: whether to parse the rows here too, as which kind, with which columns. */
export interface StartMessage {
  type: 'start';
  parse: { kind: string; index: [string, number][]; shape: RowShape } | null;
}

/** Parses a part's records as the kind does on the writing thread; null when not asked to. */
async function rowParser(start: StartMessage): Promise<((records: string[][], lines: number[]) => ParsedBatch) | null> {
  if (!start.parse) return null;
  const { IMPORT_KINDS } = await kinds;
  const kind = IMPORT_KINDS[start.parse.kind]!;
  const codec = kind.codec!;
  const index = new Map(start.parse.index);
  const shape = start.parse.shape;
  const sources = codec.sources.map((c) => (c === null ? -1 : (index.get(c) ?? -1)));
  const spaces = codec.handles?.spaces ?? [];
  const numbers = new KeyNumbers(Math.max(0, ...spaces) + 1);
  return (records, lines) => {
    const problems: ParsedBatch['problems'] = [];
    const handles = codec.handles ? new Int32Array(records.length * spaces.length).fill(-1) : undefined;
    const packed = records.map((fields, r) => {
      const ctx = new RowContext(lines[r]!, fields, index);
      const row = parseRow(kind.parse, ctx, fields, shape);
      if (ctx.errors.length || ctx.warnings.length) {
        problems.push([r, ctx.errors.length ? [...ctx.errors] : undefined, ctx.warnings.length ? [...ctx.warnings] : undefined]);
      }
      if (row === undefined) return undefined;
      if (handles) {
        const keys = codec.handles!.keys(row);
        for (let i = 0; i < spaces.length; i++) {
          const key = keys[i];
          if (key !== null && key !== undefined) handles[r * spaces.length + i] = numbers.of(spaces[i]!, key);
        }
      }
      return codec.pack(row);
    });
    return { packed, problems, sources, width: sources.length, ...(handles && { handles }) };
  };
}

const BATCH = 1000;
// the first part small: the writer waits for it, and this thread's code is not yet compiled
const FIRST_BATCH = 100;
/**
 * A part is also sent once this much of the file went into it: a thousand rows with a cell of
 * 60,000 characters each were 60 MB in one part, and the reading thread (64 MB) ran out of memory.
 */
const PART_BYTES = 4 << 20;
// batches the reader may be ahead of the writer: enough to ride out a garbage collection on either side
const MAX_IN_FLIGHT = 2 * CREDIT_EVERY;

interface ReaderData {
  file: string;
  opts: { delimiter?: string; encoding?: string };
  lang: string;
}

// loaded while the file's head is read (and, for an early reader, while the command is parsed)
const kinds = import('./kinds.js');

/** What to read: given at the start, or to an early reader (early-reader.ts) in its first message. */
function readerData(): Promise<ReaderData> {
  if (!(workerData as { early?: boolean }).early) return Promise.resolve(workerData as ReaderData);
  return new Promise((res) => parentPort!.once('message', (m: { type: 'open'; data: ReaderData }) => res(m.data)));
}

async function run(): Promise<void> {
  const port = parentPort!;
  const { file, opts, lang } = await readerData();
  setLang(lang);
  let credit = MAX_IN_FLIGHT;
  let wake: (() => void) | undefined;
  let onStart: ((m: StartMessage) => void) | undefined;
  const started = new Promise<StartMessage>((res) => (onStart = res));
  port.on('message', (m: { type: string; n?: number }) => {
    if (m.type === 'credit') {
      credit += m.n!;
      wake?.();
    } else if (m.type === 'start') onStart!(m as StartMessage);
  });
  try {
    const src = await openBatches(file, opts);
    port.postMessage({ type: 'meta', encoding: src.encoding, delimiter: src.delimiter, hadBom: src.hadBom, header: src.header, headerLine: src.headerLine } satisfies WorkerMessage);
    const parse = await rowParser(await started);
    const encoder = new BatchEncoder();
    // Records go in parts of BATCH, gathered across pieces of the file: the writer's young
    // generation holds a part while it works on it (a part of ~10,000 rows outlived it and
    // tripled the writer's GC time), and a piece holds only a few hundred rows.
    let records: string[][] = [];
    let lines: number[] = [];
    let sent = 0;
    let sentAt = 0;
    const send = async () => {
      sent++;
      sentAt = src.bytesRead();
      // parsed before waiting for credit: this thread has time to spare, the writer has not
      const parsed = parse?.(records, lines);
      while (credit <= 0) await new Promise<void>((res) => (wake = res));
      credit--;
      const part = encoder.encode(records, lines, parsed);
      port.postMessage({ type: 'batch', batch: part, bytesRead: src.bytesRead() } satisfies WorkerMessage, transferables(part));
      records = [];
      lines = [];
    };
    for await (const batch of src.batches) {
      for (let at = 0; at < batch.records.length; ) {
        const size = sent ? BATCH : FIRST_BATCH;
        const take = Math.min(size - records.length, batch.records.length - at);
        for (let i = at; i < at + take; i++) {
          records.push(batch.records[i]!);
          lines.push(batch.lines[i]!);
        }
        at += take;
        if (records.length === size) await send();
      }
      if (records.length && src.bytesRead() - sentAt >= PART_BYTES) await send();
    }
    if (records.length) await send();
    port.postMessage({ type: 'end', sha256: src.sha256(), bytesRead: src.bytesRead() } satisfies WorkerMessage);
  } catch (e) {
    const err = e as Error;
    port.postMessage({ type: 'error', message: err.message, exitCode: e instanceof BpvError ? e.exitCode : null, stack: err.stack } satisfies WorkerMessage);
  }
  port.close();
}

void run();
