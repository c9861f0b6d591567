// Timesheets, holidays and recognitions import (SPEC §2), through the real CLI.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bpv, bpvJson, excelCsv, generatedCsv, tempDir, utf8Csv } from './helpers.js';

const PLACEMENTS = [
  ['plaatsing_id', 'studentnummer', 'voornaam', 'achternaam', 'crebo', 'niveau', 'leerweg', 'leerbedrijf', 'kvk', 'praktijkopleider', 'email_praktijkopleider', 'startdatum', 'einddatum', 'uren_totaal', 'uren_per_week'],
  ['P-1', '100', 'Zoë', 'Brüggen', '25491', '3', 'BOL', 'Zorg BV', '01234567', 'Jan', 'jan@zorg.nl', '2026-09-01', '2027-01-31', '640', '32'],
  ['P-2', '200', 'Noël', 'Aït', '25604', '2', 'BBL', 'Tech BV', '87654321', 'Piet', 'piet@tech.nl', '2026-09-01', '2026-12-31', '500', '32'],
  // student 200 also has an overlapping second placement in December
  ['P-3', '200', 'Noël', 'Aït', '25604', '2', 'BBL', 'Bakkerij', '11223344', 'Els', 'els@bakker.nl', '2026-12-01', '2027-06-30', '500', '8'],
];

function setup(files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir({ 'p.csv': utf8Csv(PLACEMENTS), ...files });
  expect(bpv(['import', 'placements', 'p.csv'], { cwd: dir }).code).toBe(0);
  return dir;
}

const TS_HEADER = ['Plaatsing ID', 'Datum', 'Uren', 'Soort', 'Werkzaamheden', 'Status', 'Ingediend op', 'Goedgekeurd op', 'Goedgekeurd door'];

describe('bpv import timesheets', () => {
  it('imports a Dutch Excel file and reads it back exactly with hours list --json', () => {
    const dir = setup({
      'uren.csv': excelCsv([
        TS_HEADER,
        ['P-1', '07-09-2026', '7,5', 'gewerkt', 'Cliënten geholpen; "ADL"\nrapportage', 'goedgekeurd', '11-09-2026', '14-09-2026', 'Jan'],
        ['P-1', '08-09-2026', '8', 'ziek', '', 'ingediend', '11-09-2026', '', ''],
        ['P-1', '09-09-2026', '0,25', '', '', '', '', '', ''],
      ]),
    });
    const r = bpv(['import', 'timesheets', 'uren.csv', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 3, inserted: 3, rejected: 0 });
    expect(bpvJson(['hours', 'list', '--placement', 'P-1', '--json'], { cwd: dir })).toEqual([
      { plaatsing_id: 'P-1', studentnummer: '100', datum: '2026-09-07', uren: 7.5, soort: 'gewerkt', werkzaamheden: 'Cliënten geholpen; "ADL"\nrapportage', status: 'goedgekeurd', ingediend_op: '2026-09-11', goedgekeurd_op: '2026-09-14', goedgekeurd_door: 'Jan' },
      { plaatsing_id: 'P-1', studentnummer: '100', datum: '2026-09-08', uren: 8, soort: 'ziek', werkzaamheden: null, status: 'ingediend', ingediend_op: '2026-09-11', goedgekeurd_op: null, goedgekeurd_door: null },
      { plaatsing_id: 'P-1', studentnummer: '100', datum: '2026-09-09', uren: 0.25, soort: 'gewerkt', werkzaamheden: null, status: 'ingediend', ingediend_op: null, goedgekeurd_op: null, goedgekeurd_door: null },
    ]);
    expect(bpvJson(['hours', 'list', '--from', '08-09-2026', '--to', '2026-09-08', '--json'], { cwd: dir }).map((e: any) => e.datum)).toEqual(['2026-09-08']);
    const again = JSON.parse(bpv(['import', 'timesheets', 'uren.csv', '--json'], { cwd: dir }).stdout);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
  });

  it('a row by studentnummer after a BPV broken off goes to the next placement', () => {
    const dir = setup({ 'dec.csv': utf8Csv([['studentnummer', 'datum', 'uren'], ['200', '2026-12-07', '8']]) });
    // P-2 and P-3 overlap in December: two placements that day, refused
    expect(bpv(['import', 'timesheets', 'dec.csv'], { cwd: dir }).code).toBe(1);
    expect(bpv(['placements', 'end', 'P-2', '--date', '2026-11-30', '--reason', 'overmacht'], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(bpv(['import', 'timesheets', 'dec.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ inserted: 1, rejected: 0 });
    expect(bpvJson(['hours', 'list', '--json'], { cwd: dir }).map((e: any) => e.plaatsing_id)).toEqual(['P-3']);
  });

  it('a studentnummer without the leading zeros Excel dropped is named with the one that is known', () => {
    const dir = setup({
      'p0.csv': utf8Csv([PLACEMENTS[0]!, ['P-0', '0042', 'Jet', 'Nul', '25491', '3', 'BOL', 'Zorg BV', '01234567', 'Jan', 'jan@zorg.nl', '2026-09-01', '2027-01-31', '640', '32']]),
      'u.csv': utf8Csv([['studentnummer', 'datum', 'uren'], ['42', '2026-09-07', '8']]),
    });
    expect(bpv(['import', 'placements', 'p0.csv'], { cwd: dir }).code).toBe(0);
    const r = JSON.parse(bpv(['import', 'timesheets', 'u.csv', '--json'], { cwd: dir }).stdout);
    expect(r.errors[0].message).toContain('student 0042 is wel bekend: liet Excel de voorloopnullen weg?');
  });

  it('names each kind of bad row at its line and column', () => {
    const dir = setup({
      'fout.csv': utf8Csv([
        ['plaatsing_id', 'studentnummer', 'datum', 'uren', 'soort', 'status', 'goedgekeurd_op'],
        ['P-1', '', '31-09-2026', '8', '', '', ''], // 2: no such date
        ['P-1', '', '2026-09-10', '25', '', '', ''], // 3: hours
        ['P-1', '', '2026-09-11', '8', 'gewerkd', '', ''], // 4: soort
        ['P-1', '', '2026-09-14', '8', '', 'klaar', ''], // 5: status
        ['P-1', '', '2026-09-15', '8', '', 'goedgekeurd', ''], // 6: approval without date
        ['P-9', '', '2026-09-15', '8', '', '', ''], // 7: unknown placement
        ['', '999', '2026-09-15', '8', '', '', ''], // 8: unknown student
        ['', '100', '2026-08-15', '8', '', '', ''], // 9: no placement that day
        ['', '200', '2026-12-07', '8', '', '', ''], // 10: two placements that day
        ['P-1', '200', '2026-09-16', '8', '', '', ''], // 11: student does not match
        ['P-1', '', '2026-09-17', '8', '', '', ''], // 12: good
        ['', '100', '2026-09-17', '6', '', '', ''], // 13: same key as line 12
        ['', '200', '2026-09-17', '8', 'verlof', '', ''], // 14: good, resolved to P-2
      ]),
    });
    const r = bpv(['import', 'timesheets', 'fout.csv', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ read: 13, inserted: 2, rejected: 11 });
    const at = (line: number) => s.errors.filter((e: any) => e.line === line).map((e: any) => [e.column, e.value]);
    expect(at(2)).toEqual([['datum', '31-09-2026']]);
    expect(at(3)).toEqual([['uren', '25']]);
    expect(at(4)).toEqual([['soort', 'gewerkd']]);
    expect(at(5)).toEqual([['status', 'klaar']]);
    expect(at(6)).toEqual([['goedgekeurd_op', '']]);
    expect(at(7)).toEqual([['plaatsing_id', 'P-9']]);
    expect(at(8)).toEqual([['studentnummer', '999']]);
    expect(at(9)).toEqual([['studentnummer', '100']]);
    expect(at(10)).toEqual([['studentnummer', '200']]);
    expect(at(11)).toEqual([['studentnummer', '200']]);
    expect(at(13)).toEqual([['datum', '2026-09-17']]);
    const msgOf = (line: number) => s.errors.find((e: any) => e.line === line).message;
    expect(msgOf(10)).toBe('student 200 heeft op 07-12-2026 meerdere plaatsingen: P-2 (01-09-2026 t/m 31-12-2026), P-3 (01-12-2026 t/m 30-06-2027); geef plaatsing_id op');
    expect(msgOf(9)).toContain('P-1 (01-09-2026 t/m 31-01-2027)');
    expect(msgOf(13)).toContain('regel 12');
    expect(bpvJson(['hours', 'list', '--json'], { cwd: dir }).map((e: any) => `${e.plaatsing_id} ${e.datum} ${e.soort}`))
      .toEqual(['P-1 2026-09-17 gewerkt', 'P-2 2026-09-17 verlof']);
  });

  it('needs plaatsing_id or studentnummer as a column', () => {
    const dir = setup({ 'x.csv': utf8Csv([['datum', 'uren'], ['2026-09-07', '8']]) });
    const r = bpv(['import', 'timesheets', 'x.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plaatsing_id of studentnummer');
  });

  it('refuses a file with two headers for one column, naming both', () => {
    const dir = setup({ 'x.csv': excelCsv([['Plaatsing ID', 'Datum', 'uren', 'Uren'], ['P-1', '07-09-2026', '8', '9']]) });
    const r = bpv(['import', 'timesheets', 'x.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kolom uren staat er 2 keer in: "uren" (kolom 3) en "Uren" (kolom 4)');
    expect(bpvJson(['hours', 'list', '--json'], { cwd: dir })).toEqual([]);
    // --map names the one meant, exactly as written: the second here
    expect(bpv(['import', 'timesheets', 'x.csv', '--map', 'uren=Uren'], { cwd: dir }).code).toBe(0);
    expect(bpvJson(['hours', 'list', '--json'], { cwd: dir })[0]).toMatchObject({ uren: 9 });
  });

  it('an approved entry re-imported as ingediend with the same hours stays approved; other hours replace it', () => {
    const dir = setup({
      'a.csv': utf8Csv([['plaatsing_id', 'datum', 'uren', 'status', 'goedgekeurd_op', 'goedgekeurd_door'], ['P-1', '2026-09-07', '8', 'goedgekeurd', '2026-09-14', 'Jan']]),
      'b.csv': utf8Csv([['plaatsing_id', 'datum', 'uren', 'status'], ['P-1', '2026-09-07', '8,0', 'ingediend']]),
      'c.csv': utf8Csv([['plaatsing_id', 'datum', 'uren', 'status'], ['P-1', '2026-09-07', '7', 'ingediend']]),
    });
    bpv(['import', 'timesheets', 'a.csv'], { cwd: dir });
    expect(JSON.parse(bpv(['import', 'timesheets', 'b.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ unchanged: 1, updated: 0 });
    expect(bpvJson(['hours', 'list', '--json'], { cwd: dir })[0]).toMatchObject({ uren: 8, status: 'goedgekeurd', goedgekeurd_op: '2026-09-14', goedgekeurd_door: 'Jan' });
    expect(JSON.parse(bpv(['import', 'timesheets', 'c.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ updated: 1 });
    expect(bpvJson(['hours', 'list', '--json'], { cwd: dir })[0]).toMatchObject({ uren: 7, status: 'ingediend', goedgekeurd_op: null, goedgekeurd_door: null });
    const audited = new Database(path.join(dir, 'bpv.db'), { readonly: true })
      .prepare("SELECT field, old_value, new_value FROM audit_changes WHERE entity = 'uren' ORDER BY field").all();
    expect(audited).toEqual([
      { field: 'goedgekeurd_door', old_value: 'Jan', new_value: null },
      { field: 'goedgekeurd_op', old_value: '2026-09-14', new_value: null },
      { field: 'status', old_value: 'goedgekeurd', new_value: 'ingediend' },
      { field: 'uren', old_value: '8', new_value: '7' },
    ]);
  });

  it('a correction asked is not undone by an export that still has the entry as it was; a changed entry is the correction', () => {
    const dir = setup({
      'a.csv': utf8Csv([['plaatsing_id', 'datum', 'uren', 'status', 'ingediend_op'], ['P-1', '2026-09-07', '8', 'ingediend', '2026-09-11']]),
      'b.csv': utf8Csv([['plaatsing_id', 'datum', 'uren', 'status', 'ingediend_op'], ['P-1', '2026-09-07', '7,5', 'ingediend', '2026-09-15']]),
    });
    bpv(['import', 'timesheets', 'a.csv'], { cwd: dir });
    expect(bpv(['hours', 'correct', 'P-1', '--day', '2026-09-07', '--note', 'begintijd klopt niet'], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(bpv(['import', 'timesheets', 'a.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ unchanged: 1, updated: 0 });
    expect(bpvJson(['hours', 'list', '--json'], { cwd: dir })[0]).toMatchObject({ uren: 8, status: 'correctie' });
    expect(JSON.parse(bpv(['import', 'timesheets', 'b.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ updated: 1 });
    expect(bpvJson(['hours', 'list', '--json'], { cwd: dir })[0]).toMatchObject({ uren: 7.5, status: 'ingediend', ingediend_op: '2026-09-15' });
    // the same hours submitted again later: that is the resubmission
    expect(bpv(['hours', 'correct', 'P-1', '--day', '2026-09-07'], { cwd: dir }).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'c.csv'), utf8Csv([['plaatsing_id', 'datum', 'uren', 'status', 'ingediend_op'], ['P-1', '2026-09-07', '7,5', 'ingediend', '2026-09-18']]));
    bpv(['import', 'timesheets', 'c.csv'], { cwd: dir });
    expect(bpvJson(['hours', 'list', '--json'], { cwd: dir })[0]).toMatchObject({ status: 'ingediend', ingediend_op: '2026-09-18' });
  });

  it('a file without an optional column leaves what it stored; other hours still replace the approval', () => {
    const dir = setup({
      'a.csv': utf8Csv([['plaatsing_id', 'datum', 'uren', 'werkzaamheden', 'status', 'ingediend_op'],
        ['P-1', '2026-09-07', '8', 'Inventaris geteld', 'concept', ''], ['P-1', '2026-09-08', '6', 'Kassa', 'ingediend', '2026-09-09']]),
      'b.csv': utf8Csv([['plaatsing_id', 'datum', 'uren'], ['P-1', '2026-09-07', '8'], ['P-1', '2026-09-08', '6']]),
      'c.csv': utf8Csv([['plaatsing_id', 'datum', 'uren'], ['P-1', '2026-09-08', '5']]),
    });
    bpv(['import', 'timesheets', 'a.csv'], { cwd: dir });
    const stored = bpvJson(['hours', 'list', '--json'], { cwd: dir });
    expect(JSON.parse(bpv(['import', 'timesheets', 'b.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ unchanged: 2, updated: 0 });
    expect(bpvJson(['hours', 'list', '--json'], { cwd: dir })).toEqual(stored);
    expect(bpv(['hours', 'approve', 'P-1', '--week', '2026-W37', '--on', '2026-09-14'], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(bpv(['import', 'timesheets', 'c.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ updated: 1 });
    const [, second] = bpvJson(['hours', 'list', '--json'], { cwd: dir });
    expect(second).toMatchObject({ uren: 5, werkzaamheden: 'Kassa', ingediend_op: '2026-09-09', status: 'ingediend', goedgekeurd_op: null, goedgekeurd_door: null });
  });
});

describe('bpv import holidays', () => {
  it('replaces the school years of one region that the file covers, and leaves the rest', () => {
    const dir = setup({
      'midden.csv': excelCsv([['Naam', 'Regio', 'Begin', 'Eind'], ['Herfstvakantie', 'midden', '19-10-2026', '23-10-2026'], ['Kerstvakantie', 'midden', '21-12-2026', '01-01-2027']]),
      'fout.csv': utf8Csv([['naam', 'regio', 'begin', 'eind'], ['Herfst', 'oost', '2026-10-19', '2026-10-23'], ['Kerst', 'alle', '2027-01-01', '2026-12-21']]),
    });
    const shipped = bpvJson(['holidays', 'list', '--json'], { cwd: dir });
    const r = bpv(['import', 'holidays', 'midden.csv', '--json'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 2, rejected: 0 });
    // what the year loses is said: the shipped calendar's other holidays of midden 2026-2027
    const lost = JSON.parse(r.stdout).warnings.map((w: any) => w.message);
    expect(lost).toEqual([expect.stringContaining('regio midden, schooljaar 2026-2027: het bestand vervangt het hele schooljaar')]);
    expect(lost[0]).toContain('Voorjaarsvakantie');
    expect(lost[0]).not.toContain('Herfstvakantie');
    const after = bpvJson(['holidays', 'list', '--json'], { cwd: dir });
    const pick = (list: any[], regio: string, jaar: string) => list.filter((h) => h.regio === regio && h.schooljaar === jaar);
    expect(pick(after, 'midden', '2026-2027')).toEqual([
      { naam: 'Herfstvakantie', regio: 'midden', schooljaar: '2026-2027', begin: '2026-10-19', eind: '2026-10-23', bron: 'school' },
      { naam: 'Kerstvakantie', regio: 'midden', schooljaar: '2026-2027', begin: '2026-12-21', eind: '2027-01-01', bron: 'school' },
    ]);
    for (const [regio, jaar] of [['midden', '2025-2026'], ['noord', '2026-2027'], ['zuid', '2026-2027']]) {
      expect(pick(after, regio!, jaar!)).toEqual(pick(shipped, regio!, jaar!));
      expect(pick(after, regio!, jaar!).length).toBeGreaterThanOrEqual(5);
    }
    expect(JSON.parse(bpv(['import', 'holidays', 'midden.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ unchanged: 2, warnings: [] });
    const bad = JSON.parse(bpv(['import', 'holidays', 'fout.csv', '--json'], { cwd: dir }).stdout);
    expect(bad.errors.map((e: any) => [e.line, e.column])).toEqual([[2, 'regio'], [3, 'eind']]);
  });
});

describe('bpv import recognitions', () => {
  it('upserts the register by kvk, vestigingsnummer, crebo and start', () => {
    const dir = setup({
      'e.csv': utf8Csv([['kvk', 'vestigingsnummer', 'crebo', 'erkend_vanaf', 'erkend_tot', 'leerbedrijf'], ['01234567', '', '25.491', '01-01-2020', '', 'Zorg BV'], ['1234567', '', '25491', '2020-01-01', '', '']]),
      'e2.csv': utf8Csv([['kvk', 'crebo', 'erkend_vanaf', 'erkend_tot'], ['01234567', '25491', '01-01-2020', '31-12-2026']]),
    });
    const r = JSON.parse(bpv(['import', 'recognitions', 'e.csv', '--json'], { cwd: dir }).stdout);
    expect(r).toMatchObject({ inserted: 1, rejected: 1 });
    expect(r.errors[0]).toMatchObject({ line: 3, column: 'kvk', value: '1234567' });
    expect(JSON.parse(bpv(['import', 'recognitions', 'e2.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ updated: 1 });
    const row = () => new Database(path.join(dir, 'bpv.db'), { readonly: true }).prepare('SELECT * FROM recognitions').get();
    expect(row()).toMatchObject({ kvk: '01234567', crebo: '25491', erkend_tot: '2026-12-31', leerbedrijf: 'Zorg BV' });
    // without the erkend_tot column the end stays (an empty one would make it open-ended)
    fs.writeFileSync(path.join(dir, 'e3.csv'), utf8Csv([['kvk', 'crebo', 'erkend_vanaf', 'leerbedrijf'], ['01234567', '25491', '01-01-2020', 'Zorg B.V.']]));
    expect(JSON.parse(bpv(['import', 'recognitions', 'e3.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ updated: 1 });
    expect(row()).toMatchObject({ erkend_tot: '2026-12-31', leerbedrijf: 'Zorg B.V.' });
    expect(fs.existsSync(path.join(dir, 'bpv.db'))).toBe(true);
  });
});

describe('a re-import of timesheets, rows there and new mixed', () => {
  it('counts and stores what an import of the final file into an empty database stores', async () => {
    const dir = tempDir();
    const { out, header, rows } = await generatedCsv(dir, { placements: 300, timesheets: 3_000, timesheetPlacements: 60 }, 'timesheets.csv');
    // in the later file every tenth row's hours changed and every fifteenth row's work (so some
    // rows change one field, others the other, some both); rows 2,000-2,499 only in the later
    // one: batches that are all there, a stretch of new ones, and rows that are there again
    const later = rows.map((r, i) => {
      if (r.includes('"')) return r; // a quoted value: not split naively
      const f = r.split(',');
      if (i % 10 === 0) f[2] = i % 20 ? '3' : '5';
      if (i % 15 === 0) f[4] = `ander werk ${i}`;
      return f.join(',');
    });
    const earlier = rows.filter((_, i) => i < 2_000 || i >= 2_500);
    fs.writeFileSync(path.join(dir, 'eerder.csv'), [header, ...earlier].join('\n') + '\n');
    fs.writeFileSync(path.join(dir, 'later.csv'), [header, ...later].join('\n') + '\n');
    for (const db of ['twice.db', 'once.db']) expect(bpv(['--db', db, 'import', 'placements', path.join(out, 'placements.csv')], { cwd: dir }).code).toBe(0);
    expect(bpv(['--db', 'twice.db', 'import', 'timesheets', 'eerder.csv'], { cwd: dir }).code).toBe(0);
    const second = bpvJson(['--db', 'twice.db', 'import', 'timesheets', 'later.csv', '--json'], { cwd: dir });
    const changed = rows.filter((r, i) => (i < 2_000 || i >= 2_500) && later[i] !== r).length;
    expect(changed).toBeGreaterThan(100);
    expect([second.inserted, second.updated, second.unchanged, second.rejected]).toEqual([500, changed, 2_500 - changed, 0]);
    expect(bpv(['--db', 'once.db', 'import', 'timesheets', 'later.csv'], { cwd: dir }).code).toBe(0);
    const stored = (db: string) => {
      const d = new Database(path.join(dir, db), { readonly: true });
      try {
        return d.prepare('SELECT placement_id, datum, soort, uren, werkzaamheden, status, ingediend_op, goedgekeurd_op, goedgekeurd_door FROM timesheets ORDER BY 1, 2, 3').all();
      } finally {
        d.close();
      }
    };
    const twice = stored('twice.db');
    expect(twice).toHaveLength(3_000);
    expect(twice).toEqual(stored('once.db'));
  }, 60_000);
});
