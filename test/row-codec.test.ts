// A large file's rows are parsed on the reading thread and cross to the writing thread as
// values (RowCodec): what arrives must be the very row the parse made, for every shipped
// fixture row, the ones with mistakes included.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../src/import/headers.js';
import { placementsImport } from '../src/import/placements.js';
import { parseRow, RowContext, type RowCodec } from '../src/import/row.js';
import type { ImportKind } from '../src/import/run.js';
import { openBatches } from '../src/import/source.js';
import { timesheetsImport } from '../src/import/timesheets.js';
import { KeyNumbers } from '../src/import/source-worker-codec.js';
import { ROOT } from './helpers.js';

async function parsedRows<R>(kind: ImportKind<R>, file: string): Promise<R[]> {
  const src = await openBatches(file);
  const { index } = mapHeaders(src.header, kind.columns, new Map());
  const rows: R[] = [];
  for await (const b of src.batches) {
    b.records.forEach((fields, i) => {
      const row = parseRow(kind.parse, new RowContext(b.lines[i]!, fields, index), fields, { headerLength: src.header.length, delimiter: src.delimiter });
      if (row !== undefined) rows.push(row);
    });
  }
  return rows;
}

function roundTrip<R>(codec: RowCodec<R>, row: R): R {
  const values = codec.pack(row);
  expect(values).toHaveLength(codec.sources.length);
  return codec.unpack(values);
}

const fixtures = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => path.join(dir, f));

describe('row codecs', () => {
  it('a placement comes out as it went in', async () => {
    const files = [path.join(ROOT, 'fixtures/plaatsingen.csv'), path.join(ROOT, 'fixtures/plaatsingen-utf8.csv'),
      ...fixtures(path.join(ROOT, 'fixtures/fouten')).filter((f) => /plaatsing/.test(f))];
    let n = 0;
    const seen = { werkbegeleider: false, noWerkbegeleider: false, vakantiewerk: false, vestiging: false };
    for (const file of files) {
      for (const row of await parsedRows(placementsImport, file)) {
        expect(roundTrip(placementsImport.codec!, row)).toStrictEqual(row);
        seen.werkbegeleider ||= row.werkbegeleider !== null;
        seen.noWerkbegeleider ||= row.werkbegeleider === null;
        seen.vakantiewerk ||= row.vakantiewerk;
        seen.vestiging ||= row.company.vestigingsnummer !== null;
        n++;
      }
    }
    expect(n).toBeGreaterThan(40);
    // the rows tried hold each shape a field can take
    expect(seen).toEqual({ werkbegeleider: true, noWerkbegeleider: true, vakantiewerk: true, vestiging: true });
  });

  it('a timesheet row comes out as it went in', async () => {
    let n = 0;
    for (const file of [path.join(ROOT, 'fixtures/uren.csv'), path.join(ROOT, 'fixtures/uren-per-student.csv')]) {
      for (const row of await parsedRows(timesheetsImport, file)) {
        expect(roundTrip(timesheetsImport.codec!, row)).toStrictEqual(row);
        n++;
      }
    }
    expect(n).toBeGreaterThan(1000);
  });

  it('numbers keys the same throughout, each numbering apart, and gives new keys none past its limit', () => {
    const n = new KeyNumbers(2, 3);
    expect(['a', 'b', 'a', 'c'].map((k) => n.of(0, k))).toEqual([0, 1, 0, 2]);
    expect(n.of(1, 'a')).toBe(0);
    // the first numbering is full: a new key gets none, the numbered ones keep theirs
    expect([n.of(0, 'd'), n.of(0, 'b'), n.of(0, 'd')]).toEqual([-1, 1, -1]);
    expect([n.of(1, 'b'), n.of(1, 'c'), n.of(1, 'd')]).toEqual([1, 2, -1]);
  });
});
