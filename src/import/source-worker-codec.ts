// How the reading thread passes records to the writing thread (source-worker.ts, source.ts).
import type { RowError, RowWarning, Value } from './row.js';

/**
 * A batch of records with each distinct value once. An export repeats most of its values (a
 * placement's id on each of its days, the dates, the statuses, the supervisor's name): a
 * thousand timesheet rows hold some ten thousand values but a few hundred distinct ones.
 * Every string sent is a string the writing thread must make, and that thread is the import's
 * bottleneck; the repeats cost it nothing this way, and equal values are one string there.
 */
export interface EncodedBatch {
  /** the distinct values (numbers: values of rows parsed there) */
  values: (string | number)[];
  /** fields per record */
  counts: Uint32Array<ArrayBuffer>;
  /** each field's index into values, record after record */
  refs: Uint32Array<ArrayBuffer>;
  lines: Float64Array<ArrayBuffer>;
  /** the records parsed on the reading thread, when it was asked to */
  parsed?: EncodedRows;
}

export interface EncodedRows {
  /** values a row packs into (RowCodec) */
  width: number;
  /** per record `width` indexes into values, NULL_REF for null; all NULL_REF for a rejected one */
  refs: Uint32Array<ArrayBuffer>;
  /** the records with problems: [index in the batch, errors, warnings] */
  problems: Problems[];
  /** per record, the numbers of its RowCodec.handles keys (-1: none), when the codec has them */
  handles?: Int32Array<ArrayBuffer>;
}

type Problems = [number, RowError[] | undefined, RowWarning[] | undefined];

/** The rows of a batch as the reading thread parsed them. */
export interface ParsedBatch {
  /** per record: its packed values (RowCodec.pack), or undefined when rejected */
  packed: (Value[] | undefined)[];
  problems: Problems[];
  /** per packed position: the index of the field it usually equals, or -1 */
  sources: readonly number[];
  width: number;
  /** per record, RowCodec.handles numbers (see there) */
  handles?: Int32Array<ArrayBuffer>;
}

const NULL_REF = 0xffffffff;

/**
 * The writing thread gives the reading thread credit for this many batches at a time, not one
 * a batch: a message to that thread cost the writer 0.23 ms on average (8.6 ms at most), 0.27 s
 * of a million timesheet rows. The reader may be twice as many ahead, so the writer still holds
 * this many when it gives credit.
 */
export const CREDIT_EVERY = 4;

/**
 * Encodes batch after batch. A column whose values hardly repeat (a placement's name, e-mail,
 * address) is not looked up: hashing a million distinct strings into a map that finds
 * nothing cost the reading thread 0.8 s of a 100k-placement import. Which columns repeat is
 * judged once, on the first batch.
 */
export class BatchEncoder {
  /** per column: whether to look its values up; undefined until the first batch was seen */
  private dedupe: boolean[] | undefined;

  encode(records: readonly string[][], lines: readonly number[], parsed?: ParsedBatch): EncodedBatch {
    const index = new Map<string | number, number>();
    const values: (string | number)[] = [];
    const width = parsed?.width ?? 0;
    const prefs = new Uint32Array(width * records.length);
    let total = 0;
    for (const r of records) total += r.length;
    const refs = new Uint32Array(total);
    const counts = new Uint32Array(records.length);
    const judge = this.dedupe === undefined;
    const dedupe = this.dedupe ?? [];
    const fresh: number[] = [];
    let p = 0;
    for (let r = 0; r < records.length; r++) {
      const fields = records[r]!;
      counts[r] = fields.length;
      const first = p;
      for (let c = 0; c < fields.length; c++) {
        const v = fields[c]!;
        if (dedupe[c] === false) {
          refs[p++] = values.length;
          values.push(v);
          continue;
        }
        let k = index.get(v);
        if (k === undefined) {
          k = values.length;
          values.push(v);
          index.set(v, k);
          if (judge) fresh[c] = (fresh[c] ?? 0) + 1;
        }
        refs[p++] = k;
      }
      if (parsed) {
        // a parsed value that is its field's string, unchanged, is sent once for both
        const row = parsed.packed[r];
        const at = r * width;
        for (let i = 0; i < width; i++) {
          const v = row ? row[i]! : null;
          const src = parsed.sources[i]!;
          if (v === null) prefs[at + i] = NULL_REF;
          else if (src >= 0 && src < fields.length && fields[src] === v) prefs[at + i] = refs[first + src]!;
          else {
            let k = index.get(v);
            if (k === undefined) {
              k = values.length;
              values.push(v);
              index.set(v, k);
            }
            prefs[at + i] = k;
          }
        }
      }
    }
    // a column worth it repeats a value at least every other row; judged on a part of the usual
    // size (the reader's first part is small, and a timesheet's first 100 rows are a few
    // placements' days, all different dates)
    if (judge && records.length >= 500) this.dedupe = Array.from({ length: fresh.length }, (_, c) => (fresh[c] ?? 0) <= records.length / 2);
    const out: EncodedBatch = { values, counts, refs, lines: Float64Array.from(lines) };
    if (parsed) out.parsed = { width, refs: prefs, problems: parsed.problems, ...(parsed.handles && { handles: parsed.handles }) };
    return out;
  }
}

/**
 * The reading thread's numbers for keys (RowCodec.handles): the same key the same number
 * throughout the file, for the first `max` keys of each numbering; a new key after those gets
 * none (-1), and the writer finds it by its string. Unbounded, a file in which nearly every
 * row named a supervisor of its own ran the reading thread (64 MB) out of memory.
 */
export class KeyNumbers {
  private readonly maps: Map<string, number>[];

  constructor(spaces: number, private readonly max = 1 << 16) {
    this.maps = Array.from({ length: spaces }, () => new Map<string, number>());
  }

  of(space: number, key: string): number {
    const m = this.maps[space]!;
    let n = m.get(key);
    if (n === undefined) {
      if (m.size >= this.max) return -1;
      // a copy: the key is a slice of its 64 KiB piece of the file, and kept, it kept the piece
      m.set((' ' + key).slice(1), (n = m.size));
    }
    return n;
  }
}

/** The buffers to transfer with a batch rather than copy. */
export function transferables(b: EncodedBatch): ArrayBuffer[] {
  const list = [b.counts.buffer, b.refs.buffer, b.lines.buffer];
  if (b.parsed) list.push(b.parsed.refs.buffer);
  if (b.parsed?.handles) list.push(b.parsed.handles.buffer);
  return list;
}

/** The records of an encoded batch (on the receiving thread). */
export function decode(b: EncodedBatch): { records: string[][]; lines: number[] } {
  const records: string[][] = new Array(b.counts.length);
  let p = 0;
  for (let r = 0; r < records.length; r++) {
    const fields: string[] = new Array(b.counts[r]!);
    // a field is always a string: numbers are only ever values of parsed rows
    for (let f = 0; f < fields.length; f++) fields[f] = b.values[b.refs[p++]!] as string;
    records[r] = fields;
  }
  return { records, lines: Array.from(b.lines) };
}

/** The rows of an encoded batch as the reading thread parsed them (on the receiving thread). */
export function decodeRows<R>(b: EncodedBatch, unpack: (values: Value[], handles?: number[]) => R): ParsedRows<R> | undefined {
  const e = b.parsed;
  if (!e) return undefined;
  const n = b.counts.length;
  const rows: (R | undefined)[] = new Array(n);
  const problems = new Map<number, { errors: RowError[] | undefined; warnings: RowWarning[] | undefined }>();
  for (const [r, errors, warnings] of e.problems) problems.set(r, { errors, warnings });
  const values: Value[] = new Array(e.width);
  const hs = e.handles;
  const hw = hs ? hs.length / n : 0;
  const handles: number[] | undefined = hs ? new Array(hw) : undefined;
  for (let r = 0; r < n; r++) {
    if (problems.get(r)?.errors?.length) continue;
    for (let i = 0, at = r * e.width; i < e.width; i++) {
      const k = e.refs[at + i]!;
      values[i] = k === NULL_REF ? null : b.values[k]!;
    }
    if (handles) for (let i = 0; i < hw; i++) handles[i] = hs![r * hw + i]!;
    rows[r] = unpack(values, handles);
  }
  return { rows, problems };
}

export interface ParsedRows<R = unknown> {
  /** per record: the row, or undefined when rejected */
  rows: (R | undefined)[];
  problems: Map<number, { errors: RowError[] | undefined; warnings: RowWarning[] | undefined }>;
}
