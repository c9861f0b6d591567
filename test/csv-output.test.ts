// peopleCsv writes its CSV by hand for speed; it must stay byte for byte what csv-stringify
// wrote with the same settings, for any text a cell can hold.
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvCells, csvRow, peopleCsv, type CsvColumn, type CsvDialect } from '../src/output/csv.js';

function viaStringify(headers: string[], rows: string[][], dialect: CsvDialect): string {
  const body = stringify([headers, ...rows], {
    delimiter: dialect === 'excel' ? ';' : ',',
    record_delimiter: dialect === 'excel' ? '\r\n' : '\n',
    quoted_match: /[\r\n]/,
  });
  return dialect === 'excel' ? `\uFEFF${body}` : body;
}

// cells without a formula start, so the injection guard leaves them as they are
const cellText = fc.string({ unit: fc.constantFrom('a', 'é', 'ĳ', ' ', ';', ',', '"', '\n', '\r', '\t', "'", '1', '.') })
  .filter((s) => !/^[=+\-@\t\r]/.test(s));

describe('peopleCsv', () => {
  it('equals csv-stringify with the same settings, in both dialects', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cellText, { minLength: 4, maxLength: 4 }), { maxLength: 5 }),
        fc.constantFrom<CsvDialect>('excel', 'rfc4180'), (n, rows, dialect) => {
          const headers = ['a', 'b;c', 'd,e', 'f'].slice(0, n);
          const cut = rows.map((r) => r.slice(0, n));
          expect(peopleCsv(headers.map((header) => ({ header })), cut, dialect)).toBe(viaStringify(headers, cut, dialect));
        }),
      { numRuns: 500 },
    );
  });

  it('guards formulas, writes dates and numbers for the dialect', () => {
    const cols = [{ header: 't' }, { header: 'd', kind: 'date' as const }, { header: 'n', kind: 'number' as const }];
    expect(peopleCsv(cols, [['=1+1', '2026-11-24', 7.5], [null, null, null]])).toBe('\uFEFFt;d;n\r\n\'=1+1;24-11-2026;7,5\r\n;;\r\n');
    expect(peopleCsv(cols, [['-x', '2026-11-24', 7.5]], 'rfc4180')).toBe('t,d,n\n\'-x,2026-11-24,7.5\n');
  });
});

describe('csvRow', () => {
  // values that repeat, of every kind a cell takes, and the same text as string and number
  const value = fc.oneof(
    fc.constantFrom(null, undefined, 0, -0, 7.5, 8, 1 / 3, -2.25, '7.5', '2026-11-24', '2026-W48', 'ja;nee', 'a"b', '=1', 'x\ny', ''),
    cellText,
    fc.double({ noNaN: true, min: -1000, max: 1000 }),
  );
  const kinds = ['text', 'date', 'number'] as const;

  it('gives csvCells\' cells, however often a value comes back', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 5 }), fc.array(fc.array(value, { minLength: 5, maxLength: 5 }), { maxLength: 30 }),
        fc.constantFrom<CsvDialect>('excel', 'rfc4180'), (ks, rows, dialect) => {
          const columns: CsvColumn[] = ks.map((kind, i) => ({ header: `c${i}`, kind, repeats: i % 2 === 0 }));
          const row = csvRow(columns, dialect);
          // every row twice: the second time from what was remembered
          for (const r of [...rows, ...rows]) expect(row(r)).toBe(csvCells(columns, r, dialect));
        }),
      { numRuns: 500 },
    );
  });
});
