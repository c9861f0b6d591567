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

/**
 * Encodes batch after batch. A column whose values hardly repeat (a placement's name, e-mail,
 * address) is not looked up: hashing a million distinct strings into a map that finds
 * nothing cost the reading thread 0.8 s of a 100k-placement import. Which columns repeat is
 * judged once, on the first batch.
 */
export class BatchEncoder {
  /** per column: whether to look its values up; undefined until the first batch was seen */
  private dedupe: boolean[] | undefined;

  encode(records: readonly string[][], lines: readonly number[]): EncodedBatch {
    const index = new Map<string, number>();
    const values: string[] = [];
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
    }
    // a column worth it repeats a value at least every other row
    if (judge && records.length >= 100) this.dedupe = Array.from({ length: fresh.length }, (_, c) => (fresh[c] ?? 0) <= records.length / 2);
    return { values, counts, refs, lines: Float64Array.from(lines) };
  }
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
