// The reject file is written as rows come (src/import/reject-file.ts), into a file beside the
// target renamed over it at the end: the same bytes as one write of all rows, and a run that
// fails leaves an earlier reject file as it was.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RejectFile } from '../src/import/reject-file.js';
import { tempDir } from './helpers.js';

const rows = (n: number) => Array.from({ length: n }, (_, i) => [`P-${i}`, i % 7 ? 'Zoë' : 'twee\nregels', `fout ${i}`]);

describe('RejectFile', () => {
  it('writes header and rows in the input encoding, across several flushes', () => {
    const dir = tempDir();
    for (const [encoding, hadBom, delimiter] of [['windows-1252', false, ';'], ['utf8', true, ','], ['utf8', false, '\t']] as const) {
      const file = path.join(dir, `${encoding}${hadBom}.csv`);
      const r = new RejectFile(file, { header: ['plaatsing_id', 'naam'], delimiter, encoding, hadBom });
      for (const row of rows(2_500)) r.add(row.slice(0, 2), row[2]!);
      r.finish();
      // it holds names and dates of birth of minors: for its owner alone
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const bytes = fs.readFileSync(file);
      const text = encoding === 'windows-1252' ? iconv.decode(bytes, 'win1252') : bytes.toString('utf8');
      const eol = encoding === 'windows-1252' ? '\r\n' : '\n';
      const cell = (v: string) => (/[\r\n"]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v);
      const expected = [['plaatsing_id', 'naam', 'fout'], ...rows(2_500)].map((r) => r.map(cell).join(delimiter)).join(eol) + eol;
      expect(text).toBe((hadBom ? '\uFEFF' : '') + expected);
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('pads a short record, keeps fields beyond the header after the reason, and fills an own fout column', () => {
    const dir = tempDir();
    const src = { header: ['a', 'b', 'c'], delimiter: ';', encoding: 'utf8' as const, hadBom: false };
    const plain = new RejectFile(path.join(dir, 'plain.csv'), src);
    plain.add(['1'], 'kort');
    plain.add(['1', '2', '3', '4', '5'], 'lang');
    plain.finish();
    expect(fs.readFileSync(path.join(dir, 'plain.csv'), 'utf8')).toBe('a;b;c;fout\n1;;;kort\n1;2;3;lang;4;5\n');
    // as a spreadsheet may have written it back: Fout
    const own = new RejectFile(path.join(dir, 'own.csv'), { ...src, header: ['a', 'Fout', 'c'] });
    own.add(['1', 'oude reden', '3'], 'nieuwe reden');
    own.add(['1', 'oud', '3', '4'], 'lang');
    own.finish();
    expect(fs.readFileSync(path.join(dir, 'own.csv'), 'utf8')).toBe('a;Fout;c\n1;nieuwe reden;3\n1;lang;3;4\n');
  });

  it('writes the header alone when nothing was rejected, and leaves an earlier one as it was when the run fails', () => {
    const dir = tempDir({ 'fout.csv': 'van een eerdere import\n' });
    const file = path.join(dir, 'fout.csv');
    const src = { header: ['a', 'b'], delimiter: ';', encoding: 'utf8' as const, hadBom: false };
    const r = new RejectFile(file, src);
    for (const row of rows(1_500)) r.add(row.slice(0, 2), row[2]!);
    r.abandon();
    expect(fs.readdirSync(dir)).toEqual(['fout.csv']);
    expect(fs.readFileSync(file, 'utf8')).toBe('van een eerdere import\n');
    // a later run without rejected rows: the earlier rows are not offered again
    new RejectFile(file, src).finish();
    expect(fs.readFileSync(file, 'utf8')).toBe('a;b;fout\n');
  });
});
