// The tokenizer against csv-parse, whose semantics it takes over (the options bpv read with
// before): the same records, or both refuse, on random text cut into random chunks.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, QuoteNotClosedError } from '../src/import/csv-tokenizer.js';

function csvParse(text: string, delimiter: string): string[][] | 'refused' {
  try {
    return parse(text, { delimiter, bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch {
    return 'refused';
  }
}

function tokenize(chunks: readonly string[], delimiter: string, decodeHigh?: (text: string) => string): string[][] | 'refused' {
  const records: string[][] = [];
  const t = new CsvTokenizer(delimiter);
  t.decodeHigh = decodeHigh;
  try {
    for (const [i, c] of chunks.entries()) {
      t.write(c, i === chunks.length - 1);
      records.push(...t.take().records);
    }
    return records;
  } catch (e) {
    if (e instanceof QuoteNotClosedError) return 'refused';
    throw e;
  }
}

/** text cut at the given fractions of its length */
function cut(text: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(text.slice(from, p));
    from = p;
  }
  parts.push(text.slice(from));
  return parts;
}

describe('CsvTokenizer', () => {
  it('reads what csv-parse reads, in any chunks (property)', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', 'é', ',', ';', '"', '""', '\n', '\r', '\r\n', ' ', '\t'), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.boolean(), text, fc.constantFrom(',', ';', '\t'), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }), (bom, body, delimiter, at) => {
        const whole = (bom ? '\uFEFF' : '') + body;
        expect(tokenize(cut(whole, at), delimiter)).toEqual(csvParse(whole, delimiter));
      }),
      { numRuns: 5000 },
    );
  });

  it('decodes every field with a character from 0x80 to 0xFF, fast path or not (property)', () => {
    const text = fc.array(fc.constantFrom('a', 'é', 'ü', ',', ';', '"', '""', '\n', '\r\n', ' '), { maxLength: 60 }).map((p) => p.join(''));
    // a field with such a character, and only such a field, comes back in capitals
    const upper = (t: string) => t.toUpperCase();
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';'), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }), (body, delimiter, at) => {
        const expected = csvParse(body, delimiter);
        const want = expected === 'refused' ? expected : expected.map((fields) => fields.map((f) => (/[\x80-\xff]/.test(f) ? upper(f) : f)));
        expect(tokenize(cut(body, at), delimiter, upper)).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });

  it("gives each record's first line: one a record delimiter, and one a \\n inside a record (property)", () => {
    const text = fc.array(fc.constantFrom('a', ';', '"', '""', '\n', '\r', '\r\n'), { maxLength: 50 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }), (body, at) => {
        const expected = csvParse(body, ';');
        if (expected === 'refused') return;
        const want: number[] = [];
        let line = 1;
        for (const fields of expected) {
          want.push(line);
          line += 1 + fields.join('').split('\n').length - 1;
        }
        const t = new CsvTokenizer(';');
        const got: number[] = [];
        cut(body, at).forEach((c, i, all) => {
          t.write(c, i === all.length - 1);
          got.push(...t.take().lines);
        });
        expect(got).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });

  // Not a timing: read in time that grows with the square of the text, either took minutes
  // (the test times out), as 100 MB of such lines did.
  it('reads many lines with a quote but no delimiter, and a record of many fields, in one pass', () => {
    const lines = 'aaaaaaaaaa"b\n'.repeat(100_000);
    const a = tokenize([lines], ',');
    expect(a).toHaveLength(100_000);
    expect(a[99_999]).toEqual(['aaaaaaaaaa"b']);
    const wide = '"a",b,'.repeat(80_000) + 'c\n';
    const b = tokenize([wide], ',') as string[][];
    expect(b).toHaveLength(1);
    expect(b[0]).toHaveLength(160_001);
    expect(b[0]!.slice(-3)).toEqual(['a', 'b', 'c']);
  }, 10_000);

  it('handles the cases the relaxed quotes are about', () => {
    const read = (s: string) => tokenize([s], ';');
    expect(read('a;"b;c";d\n')).toEqual([['a', 'b;c', 'd']]);
    expect(read('"zei ""ja""";x\r\ny;z\r\n')).toEqual([['zei "ja"', 'x'], ['y', 'z']]);
    // a quote inside a value, and a quoted part followed by more text: kept as written
    expect(read('12" scherm;"a"b;c\n')).toEqual([['12" scherm', '"a"b', 'c']]);
    // a line break inside quotes is part of the value; blank lines are records of one empty field
    expect(read('"twee\nregels";x\n\ny\n')).toEqual([['twee\nregels', 'x'], [''], ['y']]);
    // the first line break decides: after \r\n, a lone \n is text
    expect(read('a\r\nb\nc\r\n')).toEqual([['a'], ['b\nc']]);
    expect(read('a;"nooit dicht\nb;c\n')).toBe('refused');
  });

  it('waits for the next chunk between \\r and \\n, and inside a quoted field', () => {
    expect(tokenize(['a;b\r', '\nc;"d', '""e"\r', '\n'], ';')).toEqual([['a', 'b'], ['c', 'd"e']]);
  });
});
