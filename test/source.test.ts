// The reading layer on its own: encodings, delimiters and the line a record starts on.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isUtf8 } from 'node:buffer';
import { openBatches } from '../src/import/source.js';
import { Utf8Survey, utf8Scan, wholeCharsEnd } from '../src/import/utf8-survey.js';
import { tempDir } from './helpers.js';

async function readAll(file: string, opts = {}) {
  const src = await openBatches(file, opts);
  const records: { fields: string[]; line: number }[] = [];
  for await (const b of src.batches) b.records.forEach((fields, i) => records.push({ fields, line: b.lines[i]! }));
  return { src, records };
}

describe('openBatches', () => {
  it('detects Windows-1252 even when the first non-ASCII byte comes after the first chunk', async () => {
    const filler = Array.from({ length: 5000 }, (_, i) => `r${i};Jansen`).join('\r\n');
    const dir = tempDir({ 'a.csv': iconv.encode(`naam;achternaam\r\n${filler}\r\nZoë;Brüggen\r\n`, 'win1252') });
    const { src, records } = await readAll(path.join(dir, 'a.csv'));
    expect(src.encoding).toBe('windows-1252');
    expect(src.delimiter).toBe(';');
    expect(records.at(-1)).toEqual({ fields: ['Zoë', 'Brüggen'], line: 5002 });
  });

  it('keeps a UTF-8 character that straddles two 64 KiB chunks whole', async () => {
    const prefix = 'x'.repeat(65535 - 'a\n'.length);
    const dir = tempDir({ 'a.csv': Buffer.from(`a\n${prefix}ë\n`, 'utf8') });
    const { src, records } = await readAll(path.join(dir, 'a.csv'));
    expect(src.encoding).toBe('utf8');
    expect(records[0]!.fields[0]!.endsWith('ë')).toBe(true);
  });

  it('reads across the 1 MiB read chunks exactly as csv-parse reads the file whole', async () => {
    const { parse } = await import('csv-parse/sync');
    // rows of ~100 bytes with a two-byte character and a quoted line break in each; the
    // filler puts a two-byte character, then a line break, across the first chunk's end
    const rows = Array.from({ length: 25_000 }, (_, i) => `${i};"Zoë van der Brüggen ${i}";"regel een\nregel twee ${i}";${'x'.repeat(i % 37)}`);
    for (const [cut, what] of [[1 << 20, 'ë'], [(1 << 20) + 1, '\n']] as const) {
      const head = 'a;b;c;d\n';
      let text = head + rows.join('\n') + '\n';
      const bytes = Buffer.from(text, 'utf8');
      const at = bytes.indexOf(Buffer.from(what === 'ë' ? 'ë' : '\n'), cut - 200);
      // shift the whole body so that the chosen character starts one byte before the cut
      text = head.replace('d', 'd' + 'y'.repeat(cut - 1 - at)) + text.slice(head.length);
      for (const encoding of ['utf8', 'windows-1252'] as const) {
        const file = encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text.replace(/\n/g, '\r\n'), 'win1252');
        if (encoding === 'utf8') expect(file.subarray(cut - 1, cut - 1 + Buffer.byteLength(what)).toString('utf8')).toBe(what);
        const dir = tempDir({ 'groot.csv': file });
        const { src, records } = await readAll(path.join(dir, 'groot.csv'));
        expect(src.encoding).toBe(encoding);
        const whole = parse(encoding === 'utf8' ? file : Buffer.from(iconv.decode(file, 'win1252'), 'utf8'), { delimiter: ';', relax_column_count: true }) as string[][];
        expect(records.map((r) => r.fields)).toEqual(whole.slice(1));
        // each row spans two lines: row i starts on line 2 + 2i
        expect(records.at(-1)!.line).toBe(2 + 2 * (rows.length - 1));
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it("skips the rows of delimiters only that Excel writes below a sheet's data", async () => {
    const dir = tempDir({ 'x.csv': Buffer.from('a;b;c\r\n1;2;3\r\n;;\r\n; ;\r\n4;;\r\n;;\r\n', 'latin1') });
    const { records } = await readAll(path.join(dir, 'x.csv'));
    expect(records).toEqual([{ fields: ['1', '2', '3'], line: 2 }, { fields: ['4', '', ''], line: 5 }]);
  });

  it('tab-separated with a BOM', async () => {
    const dir = tempDir({ 'a.tsv': Buffer.from('\uFEFFa\tb\n1\t2\n', 'utf8') });
    const { src, records } = await readAll(path.join(dir, 'a.tsv'));
    expect(src).toMatchObject({ delimiter: '\t', hadBom: true, header: ['a', 'b'] });
    expect(records).toEqual([{ fields: ['1', '2'], line: 2 }]);
  });

  it('--encoding and --delimiter override detection', async () => {
    const dir = tempDir({ 'a.csv': Buffer.from('a;b,c\n1;2,3\n', 'utf8') });
    const { src, records } = await readAll(path.join(dir, 'a.csv'), { delimiter: ',', encoding: 'windows-1252' });
    expect(src.header).toEqual(['a;b', 'c']);
    expect(records[0]!.fields).toEqual(['1;2', '3']);
  });

  it('reports the line a record starts on, whatever quoted newlines and blank lines come before (property)', async () => {
    const value = fc.oneof(fc.constantFrom('', 'a', 'é;x', 'twee\nregels', 'drie\r\nregels\nhier', 'quote "q"'), fc.string({ maxLength: 5 }));
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(value, value, fc.boolean()), { minLength: 1, maxLength: 20 }), async (rows) => {
      const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
      let text = 'a;b\r\n';
      let line = 2;
      const expected: { fields: string[]; line: number }[] = [];
      for (const [x, y, blankBefore] of rows) {
        if (blankBefore) { text += '\r\n'; line++; }
        text += `${cell(x)};${cell(y)}\r\n`;
        expected.push({ fields: [x, y], line });
        line += 1 + (x.match(/\n/g)?.length ?? 0) + (y.match(/\n/g)?.length ?? 0);
      }
      const dir = tempDir({ 'p.csv': Buffer.from(text, 'utf8') });
      const { records } = await readAll(path.join(dir, 'p.csv'));
      // a record of blank fields is a blank line, or a row of delimiters only: skipped
      expect(records).toEqual(expected.filter((r) => !r.fields.every((v) => v.trim() === '')));
      fs.rmSync(dir, { recursive: true, force: true });
    }), { numRuns: 60 });
  });
});

describe('openBatches refusals', () => {
  it('refuses --encoding windows-1252 for a file with a UTF-8 mark, which it would garble', async () => {
    const dir = tempDir({ 'b.csv': Buffer.from('\uFEFFnaam;plaats\nZoë;Zeist\n', 'utf8') });
    await expect(readAll(path.join(dir, 'b.csv'), { encoding: 'windows-1252' })).rejects.toThrow(/UTF-8-bytevolgordemarkering/);
    const { records } = await readAll(path.join(dir, 'b.csv'), { encoding: 'utf8' });
    expect(records[0]!.fields).toEqual(['Zoë', 'Zeist']);
  });

  it('names the line of the record whose quote never closes', async () => {
    const dir = tempDir({ 'q.csv': Buffer.from('a;b\n1;2\n3;"open\nnog meer\n4;5\n', 'utf8') });
    await expect(readAll(path.join(dir, 'q.csv'))).rejects.toThrow(/rond regel 3: een veld in dit record begint met een aanhalingsteken/);
  });

  it('stops at a record that has not ended after 1 MB, with its line', async () => {
    // a quote opened on line 3 of 5 MB: read to the end it took minutes, and the memory of a thread
    const rows = Array.from({ length: 200_000 }, (_, i) => `${i};regel ${i} met wat tekst`).join('\n');
    const dir = tempDir({ 'q.csv': Buffer.from(`a;b\n1;2\n3;"open\n${rows}\n`, 'utf8') });
    const started = Date.now();
    await expect(readAll(path.join(dir, 'q.csv'))).rejects.toThrow(/rond regel 3: dit record is na 1 MB nog niet af/);
    expect(Date.now() - started).toBeLessThan(5_000);
    // a long record that does end is read: a cell of half a million characters
    const long = tempDir({ 'l.csv': Buffer.from(`a;b\n1;"${'x\n'.repeat(250_000)}"\n2;3\n`, 'utf8') });
    const { records } = await readAll(path.join(long, 'l.csv'));
    expect(records.map((r) => [r.fields[1]!.length, r.line])).toEqual([[500_000, 2], [1, 250_003]]);
    // no quote in it: not blamed on one
    const flat = tempDir({ 'f.csv': Buffer.from(`a;b\n1;2\n3;${'x'.repeat(3_000_000)}\n`, 'utf8') });
    const refused = readAll(path.join(flat, 'f.csv'));
    await expect(refused).rejects.toThrow(/rond regel 3: deze regel is na 1 MB nog niet af, zonder aanhalingstekens/);
  });
});

describe('a file that is UTF-8 but for a stray byte', () => {
  const utf8Rows = (n: number) => Array.from({ length: n }, (_, i) => `${i};Zoë Brüggen;Eén`).join('\n');
  it('is refused with the line of the byte, small (its head is all of it) or large (surveyed in chunks)', async () => {
    for (const n of [20, 120_000]) {
      const bytes = Buffer.from(`nr;naam;bedrijf\n${utf8Rows(n)}\n`, 'utf8');
      // one row's "ë" as Windows-1252 writes it: in the head, or near the end of a large file
      const row = n > 100 ? n - 5 : 11;
      const at = bytes.indexOf(Buffer.from(`\n${row};Zo`, 'utf8')) + `\n${row};Zo`.length;
      const mixed = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xeb]), bytes.subarray(at + 2)]);
      const dir = tempDir({ 'gemengd.csv': mixed });
      expect(mixed.length > 1 << 20).toBe(n > 100);
      // the header is line 1
      await expect(readAll(path.join(dir, 'gemengd.csv'))).rejects.toThrow(`gemengd.csv is UTF-8, maar regel ${row + 2} bevat een teken dat geen UTF-8 is`);
      // the clerk who knows better says so
      const { records } = await readAll(path.join(dir, 'gemengd.csv'), { encoding: 'windows-1252' });
      expect(records[row]!.fields[1]).toBe('Zoë BrÃ¼ggen');
    }
  });

  it('a survey of valid UTF-8 cut into chunks anywhere, mid-character too, finds UTF-8', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 4 }), (text, cuts) => {
      const bytes = Buffer.from(text, 'utf8');
      const at = [...new Set(cuts.map((c) => c % bytes.length))].sort((a, b) => a - b);
      const survey = new Utf8Survey();
      [0, ...at].forEach((from, i) => survey.push(bytes.subarray(from, at[i] ?? bytes.length)));
      expect(survey.verdict(true)).toEqual({ encoding: 'utf8' });
      // and a chunk's whole characters end before a cut one, never inside a whole one
      const end = wholeCharsEnd(bytes.subarray(0, at[0] ?? bytes.length));
      expect(isUtf8(bytes.subarray(0, end))).toBe(true);
    }));
  });

  it('utf8Scan agrees with Node on any bytes, and sees characters of more than one byte', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const buf = Buffer.from(bytes);
      expect(utf8Scan(buf).invalidAt === -1).toBe(isUtf8(buf));
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
      expect(utf8Scan(Buffer.from(text, 'utf8'))).toEqual({ invalidAt: -1, multibyte: /[^\x00-\x7f]/.test(text) });
    }));
  });
});
