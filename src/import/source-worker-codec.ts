// How the reading thread passes records to the writing thread (source-worker.ts, source.ts).

/**
 * A batch of records with each distinct value once. An export repeats most of its values (a
 * placement's id on each of its days, the dates, the statuses, the supervisor's name): a
 * thousand timesheet rows hold some ten thousand values but a few hundred distinct ones.
 * Every string sent is a string the writing thread must make, and that thread is the import's
 * bottleneck; the repeats cost it nothing this way, and equal values are one string there.
 */
export interface EncodedBatch {
  /** the distinct values */
  values: string[];
  /** fields per record */
  counts: Uint32Array<ArrayBuffer>;
  /** each field's index into values, record after record */
  refs: Uint32Array<ArrayBuffer>;
  lines: Float64Array<ArrayBuffer>;
}

export function encode(records: readonly string[][], lines: readonly number[]): EncodedBatch {
  const index = new Map<string, number>();
  const values: string[] = [];
  let total = 0;
  for (const r of records) total += r.length;
  const refs = new Uint32Array(total);
  const counts = new Uint32Array(records.length);
  let p = 0;
  records.forEach((fields, r) => {
    counts[r] = fields.length;
    for (const v of fields) {
      let k = index.get(v);
      if (k === undefined) {
        k = values.length;
        values.push(v);
        index.set(v, k);
      }
      refs[p++] = k;
    }
  });
  return { values, counts, refs, lines: Float64Array.from(lines) };
}

/** The records of an encoded batch (on the receiving thread). */
export function decode(b: EncodedBatch): { records: string[][]; lines: number[] } {
  const records: string[][] = new Array(b.counts.length);
  let p = 0;
  for (let r = 0; r < records.length; r++) {
    const fields: string[] = new Array(b.counts[r]!);
    for (let f = 0; f < fields.length; f++) fields[f] = b.values[b.refs[p++]!]!;
    records[r] = fields;
  }
  return { records, lines: Array.from(b.lines) };
}
