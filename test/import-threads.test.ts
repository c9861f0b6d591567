// A large file is read on a second thread (src/import/source-worker.ts) and its records passed
// on encoded (source-worker-codec.ts). The import must be the very one the single thread does
// (BPV_THREADS=1): the same rows, the same errors at the same lines, the same rejects.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../bench/generate.mjs';
import { THREAD_MIN_BYTES } from '../src/import/early-reader.js';
import { bpv, bpvJson, FIXTURES, readDb, tempDir } from './helpers.js';

let dir = '';
let file = '';

describe('import of a large file on two threads', () => {
  beforeAll(async () => {
    dir = tempDir();
    const g = await generate({ placements: 2000, timesheets: 60_000, timesheetPlacements: 1500, out: path.join(dir, 'data') });
    // Mistakes and a quoted line break, spread over the file (so some reach the reader's later
    // chunks): each kind must come out at its own line either way.
    const lines = fs.readFileSync(path.join(g.out, 'timesheets.csv'), 'utf8').trimEnd().split('\n');
    const first = lines[1]!.split(',');
    const at = (i: number, row: string) => lines.splice(i, 0, row);
    at(20_000, `${first[0]},31-09-2026,8,gewerkt,,ingediend,,,`);
    at(35_000, `P-999999,2026-09-07,8,gewerkt,,ingediend,,,`);
    at(50_000, `${first[0]},2026-09-20,8,gewerkt,"twee\nregels ""tekst""",ingediend,,,`);
    at(55_000, lines[40_000]!);
    file = path.join(dir, 'uren.csv');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    expect(fs.statSync(file).size).toBeGreaterThan(THREAD_MIN_BYTES);
    for (const db of ['two.db', 'one.db']) {
      expect(bpv(['--db', db, 'import', 'placements', path.join(g.out, 'placements.csv')], { cwd: dir }).code).toBe(0);
    }
  }, 120_000);

  it('reads the same records as one thread', () => {
    const run = (db: string, env: Record<string, string>) => {
      const r = bpv(['--db', db, 'import', 'timesheets', file, '--json', '--reject-file', `${db}.rejects.csv`], { cwd: dir, env });
      expect(r.code).toBe(1);
      return JSON.parse(r.stdout);
    };
    const two = run('two.db', {});
    const one = run('one.db', { BPV_THREADS: '1' });
    expect(two).toEqual(one);
    expect(two.read).toBe(60_004);
    expect(two.rejected).toBe(3);
    expect(two.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [20_001, 'datum'], [35_001, 'plaatsing_id'], [55_002, 'datum'],
    ]);
    expect(fs.readFileSync(path.join(dir, 'two.db.rejects.csv'), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'one.db.rejects.csv'), 'utf8'));
    const list = (db: string) => bpvJson(['--db', db, 'hours', 'list', '--json'], { cwd: dir });
    const hours = list('two.db');
    expect(hours).toEqual(list('one.db'));
    expect(hours.some((h: { werkzaamheden: string | null }) => h.werkzaamheden === 'twee\nregels "tekst"')).toBe(true);
  }, 120_000);
});

describe('a large file the import gives up on', () => {
  it('ends at once: the columns are wrong, the database is no database', () => {
    const rows = 'P-000001,2026-09-07,8\n'.repeat(250_000);
    const dir = tempDir({ 'uren.csv': `plaatsing_id,datum,uren\n${rows}`, 'kapot.db': 'geen database '.repeat(1000) });
    expect(fs.statSync(path.join(dir, 'uren.csv')).size).toBeGreaterThan(THREAD_MIN_BYTES);
    for (const [args, code] of [
      [['--db', 'nieuw.db', 'import', 'placements', 'uren.csv'], 2],
      [['--db', 'kapot.db', 'import', 'timesheets', 'uren.csv'], 3],
    ] as const) {
      const started = Date.now();
      const r = bpv([...args], { cwd: dir });
      expect([r.code, r.stderr.slice(0, 5)]).toEqual([code, 'bpv: ']);
      // the reading thread kept the process alive: it hung until killed
      expect(Date.now() - started).toBeLessThan(20_000);
    }
  }, 60_000);
});

describe('the reading thread started before the command is parsed (early-reader.ts)', () => {
  it('ends with the process when the import reads a small file: the large file named was the reject file', () => {
    const rows = 'P-000001,2026-09-07,8\n'.repeat(250_000);
    const dir = tempDir({ 'oud.csv': `plaatsing_id,datum,uren\n${rows}` });
    expect(fs.statSync(path.join(dir, 'oud.csv')).size).toBeGreaterThan(THREAD_MIN_BYTES);
    fs.copyFileSync(path.join(FIXTURES, 'plaatsingen-utf8.csv'), path.join(dir, 'klein.csv'));
    const started = Date.now();
    const r = bpv(['--db', 'bpv.db', 'import', 'placements', 'klein.csv', '--reject-file', 'oud.csv'], { cwd: dir });
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([0, '6 regels gelezen: 6 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 afgekeurd']);
    // the unused reader waited for a file to read: it must not keep the process alive
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(fs.readFileSync(path.join(dir, 'oud.csv'), 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
  }, 60_000);
});

describe('placements of a large file, parsed on the reading thread', () => {
  it('give the same import as one thread: rows, mistakes, rejects, stored values', async () => {
    const dir = tempDir();
    const g = await generate({ placements: 13_000, timesheets: 0, timesheetPlacements: 0, out: path.join(dir, 'data') });
    const lines = fs.readFileSync(path.join(g.out, 'placements.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const col = (name: string) => header.indexOf(name);
    const edit = (i: number, change: (f: string[]) => void) => {
      const f = lines[i]!.split(',');
      change(f);
      lines[i] = f.join(',');
    };
    edit(2_000, (f) => (f[col('startdatum')] = '31-02-2027'));
    edit(4_000, (f) => f.push('te veel'));
    edit(6_000, (f) => (f[col('plaatsing_id')] = lines[5_000]!.split(',')[0]!));
    // values a parse rewrites: spaces around them, a Dutch date, a decimal comma, postcode spelled loosely
    edit(8_000, (f) => {
      f[col('achternaam')] = '  Spaties  ';
      f[col('geboortedatum')] = '03-04-2008';
      f[col('uren_per_week')] = '"32,5"';
      f[col('postcode')] = '1234ab';
    });
    edit(10_000, (f) => (f[col('email_praktijkopleider')] = ''));
    // shared records told apart by the reading thread's numbers: a supervisor's other phone
    // number, a company's other name, each a warning at its line, and the last value kept
    edit(11_000, (f) => (f[col('telefoon_praktijkopleider')] = '06-99999999'));
    edit(12_000, (f) => (f[col('leerbedrijf')] = 'Anders Genaamd B.V.'));
    const file = path.join(dir, 'plaatsingen.csv');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    expect(fs.statSync(file).size).toBeGreaterThan(THREAD_MIN_BYTES);
    const run = (db: string, env: Record<string, string>) => {
      const r = bpv(['--db', db, 'import', 'placements', file, '--json', '--reject-file', `${db}.rejects.csv`], { cwd: dir, env });
      expect(r.code).toBe(1);
      return JSON.parse(r.stdout);
    };
    const two = run('two.db', {});
    expect(two).toEqual(run('one.db', { BPV_THREADS: '1' }));
    expect([two.read, two.inserted, two.rejected]).toEqual([13_000, 12_996, 4]);
    expect(two.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [2_001, 'startdatum'], [4_001, '(regel)'], [6_001, 'plaatsing_id'], [10_001, 'email_praktijkopleider'],
    ]);
    expect(fs.readFileSync(path.join(dir, 'two.db.rejects.csv'))).toEqual(fs.readFileSync(path.join(dir, 'one.db.rejects.csv')));
    const warned = two.warnings.map((w: { line: number; column: string }) => [w.line, w.column]);
    expect(warned).toContainEqual([11_001, 'telefoon']);
    expect(warned).toContainEqual([12_001, 'naam']);
    const stored = (db: string) => readDb(path.join(dir, db), (d) => ['students', 'companies', 'persons', 'placements'].map((t) =>
      d.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
    const tables = stored('two.db');
    expect(tables).toEqual(stored('one.db'));
    const edited = lines[8_000]!.split(',');
    expect(tables[0]).toContainEqual(expect.objectContaining({ studentnummer: edited[col('studentnummer')], achternaam: 'Spaties', geboortedatum: '2008-04-03' }));
    expect(tables[3]).toContainEqual(expect.objectContaining({ plaatsing_id: edited[col('plaatsing_id')], uren_per_week: 32.5 }));
    expect(tables[1]).toContainEqual(expect.objectContaining({ kvk: lines[12_000]!.split(',')[col('kvk')], naam: 'Anders Genaamd B.V.' }));
    expect(tables[2]).toContainEqual(expect.objectContaining({ email: lines[11_000]!.split(',')[col('email_praktijkopleider')], telefoon: '06-99999999' }));
  }, 120_000);
});
