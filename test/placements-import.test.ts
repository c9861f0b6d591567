// The placements import, end to end through the real CLI on real files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { BIN, bpv, bpvJson, excelCsv, generatedCsv, readDb, tempDir, utf8Csv } from './helpers.js';

const HEADER = [
  'Plaatsing ID', 'Studentnummer', 'Voornaam', 'Tussenvoegsel', 'Achternaam', 'Geboortedatum', 'E-mail student',
  'Opleiding', 'Crebo', 'Niveau', 'Leerweg', 'Leerbedrijf', 'KvK', 'Vestigingsnummer', 'Adres', 'Postcode', 'Plaats',
  'Praktijkopleider', 'E-mail praktijkopleider', 'Telefoon praktijkopleider', 'Werkbegeleider', 'E-mail werkbegeleider',
  'BPV-begeleider', 'E-mail BPV-begeleider', 'Startdatum', 'Einddatum', 'Uren totaal', 'Uren per week', 'Leerdoelen', 'Vakantiewerk',
];

function row(over: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    'Plaatsing ID': 'P-1001', Studentnummer: '0012345', Voornaam: 'Zoë', Tussenvoegsel: 'van der', Achternaam: 'Brüggen',
    Geboortedatum: '01-03-2009', 'E-mail student': 'Zoe.Bruggen@Student.nl', Opleiding: 'Verzorgende IG', Crebo: '25.491',
    Niveau: '3', Leerweg: 'bol', Leerbedrijf: 'Zorggroep Eén; locatie Oost', KvK: '01234567', Vestigingsnummer: '000012345678',
    Adres: 'Kerkstraat 1', Postcode: '3511ab', Plaats: 'Utrecht', Praktijkopleider: 'Joëlle de Vries',
    'E-mail praktijkopleider': 'J.deVries@Zorggroep.nl', 'Telefoon praktijkopleider': '030-1234567', Werkbegeleider: 'Ömer Çelik',
    'E-mail werkbegeleider': 'o.celik@zorggroep.nl', 'BPV-begeleider': '', 'E-mail BPV-begeleider': '', Startdatum: '1-9-2026',
    Einddatum: '31.01.2027', 'Uren totaal': '640', 'Uren per week': '22,5', Leerdoelen: 'WP 1.1 Onderkent gezondheid\nWP 1.2 Plant zorg',
    Vakantiewerk: 'Nee',
  };
  const r = { ...base, ...over };
  return HEADER.map((h) => r[h] ?? '');
}

describe('bpv import placements', () => {
  it('round-trips a Dutch Excel file exactly through placements list --json', () => {
    const dir = tempDir({
      'export.csv': excelCsv([HEADER, row(), row({ 'Plaatsing ID': 'P-1002', Studentnummer: '0099999', Voornaam: 'Noël', Tussenvoegsel: '', Achternaam: 'Aït', Geboortedatum: '2004-12-31', Leerweg: 'BBL', KvK: '87654321', Vestigingsnummer: '', Leerbedrijf: 'Bakkerij "De Zon"', Postcode: '1234 AB', 'Uren per week': '32', Leerdoelen: '', Vakantiewerk: 'ja', 'BPV-begeleider': 'Marieke Smit', 'E-mail BPV-begeleider': 'm.smit@school.nl' })]),
    });
    const imp = bpv(['import', 'placements', 'export.csv', '--json'], { cwd: dir });
    expect(imp.stderr).toContain('2 nieuw');
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.stdout)).toMatchObject({ read: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const list = bpvJson(['placements', 'list', '--json'], { cwd: dir });
    expect(list).toEqual([
      {
        plaatsing_id: 'P-1001', studentnummer: '0012345', voornaam: 'Zoë', tussenvoegsel: 'van der', achternaam: 'Brüggen',
        geboortedatum: '2009-03-01', email_student: 'zoe.bruggen@student.nl', opleiding: 'Verzorgende IG', crebo: '25491', niveau: 3,
        leerweg: 'BOL', leerbedrijf: 'Zorggroep Eén; locatie Oost', kvk: '01234567', vestigingsnummer: '000012345678',
        adres: 'Kerkstraat 1', postcode: '3511 AB', plaats: 'Utrecht', praktijkopleider: 'Joëlle de Vries',
        email_praktijkopleider: 'j.devries@zorggroep.nl', telefoon_praktijkopleider: '030-1234567', werkbegeleider: 'Ömer Çelik',
        email_werkbegeleider: 'o.celik@zorggroep.nl', bpv_begeleider: null, email_bpv_begeleider: null, startdatum: '2026-09-01',
        einddatum: '2027-01-31', uren_totaal: 640, uren_per_week: 22.5, leerdoelen: 'WP 1.1 Onderkent gezondheid\nWP 1.2 Plant zorg',
        vakantiewerk: false, effectieve_einddatum: '2027-01-31', beeindigd_reden: null,
      },
      expect.objectContaining({
        plaatsing_id: 'P-1002', studentnummer: '0099999', voornaam: 'Noël', tussenvoegsel: null, achternaam: 'Aït',
        geboortedatum: '2004-12-31', leerweg: 'BBL', leerbedrijf: 'Bakkerij "De Zon"', kvk: '87654321', vestigingsnummer: null,
        uren_per_week: 32, leerdoelen: null, vakantiewerk: true, bpv_begeleider: 'Marieke Smit', email_bpv_begeleider: 'm.smit@school.nl',
      }),
    ]);
    const show = bpvJson(['placements', 'show', 'P-1001', '--json'], { cwd: dir });
    expect(show).toEqual(list[0]);
  });

  it('reads UTF-8 with BOM, comma-separated, snake_case headers, from standard input', () => {
    const canonical = HEADER.map((h) => h.toLowerCase().replace(/[ -]/g, '_').replace('e_mail', 'email').replace('plaatsing_id', 'plaatsing_id'));
    const dir = tempDir();
    const input = utf8Csv([canonical, row({ Voornaam: 'Ĳsbrand', Achternaam: 'Łukasz' })], { bom: true });
    const r = bpv(['import', 'placements', '-'], { cwd: dir, input });
    expect(r.stderr).toContain('1 nieuw');
    expect(r.code).toBe(0);
    const [p] = bpvJson(['placements', 'list', '--json'], { cwd: dir });
    expect(p).toMatchObject({ voornaam: 'Ĳsbrand', achternaam: 'Łukasz', uren_per_week: 22.5 });
  });


  // some exports write Excel's hint `sep=;` (or `sep=,`) above the header
  it('reads a first line sep=; as the delimiter, with the header on the line after it', () => {
    const bad = row({ 'Plaatsing ID': 'P-1002', Studentnummer: '0099999', Einddatum: '31-13-2027' });
    const semi = Buffer.concat([Buffer.from('sep=;\r\n'), excelCsv([HEADER, row(), bad])]);
    const comma = Buffer.concat([Buffer.from('SEP=,\n'), utf8Csv([HEADER, row(), bad])]);
    // some tools write it quoted
    const quoted = Buffer.concat([Buffer.from('"sep=;"\r\n'), excelCsv([HEADER, row(), bad])]);
    const dir = tempDir({ 'semi.csv': semi, 'comma.csv': comma, 'quoted.csv': quoted });
    for (const file of ['semi.csv', 'comma.csv', 'quoted.csv']) {
      const r = bpv(['import', 'placements', file, '--json', '--db', `${file}.db`], { cwd: dir });
      expect(r.code).toBe(1);
      // lines count from the sep line: the header is line 2, the first row lines 3-4 (a quoted newline), the bad one line 5
      expect(JSON.parse(r.stdout)).toMatchObject({ read: 2, inserted: 1, rejected: 1, errors: [{ line: 5, column: 'einddatum', value: '31-13-2027' }] });
      const [p] = bpvJson(['placements', 'list', '--json', '--db', `${file}.db`], { cwd: dir });
      expect(p).toMatchObject({ plaatsing_id: 'P-1001', voornaam: 'Zoë', uren_per_week: 22.5 });
    }
  });
  // a pipe named by a path cannot be read twice: the encoding survey, which reads a regular
  // file again from the start, took all but its first MiB (2,761 of 20,000 rows imported)
  it('reads a pipe given as a path (/dev/stdin) whole, past the first MiB', () => {
    const dir = tempDir();
    const rows = Array.from({ length: 3_000 }, (_, i) => row({ 'Plaatsing ID': `P-${i}`, Studentnummer: `${100000 + i}`, Leerdoelen: 'x'.repeat(300) }));
    fs.writeFileSync(path.join(dir, 'groot.csv'), utf8Csv([HEADER, ...rows]));
    expect(fs.statSync(path.join(dir, 'groot.csv')).size).toBeGreaterThan(1.5 * (1 << 20));
    // a shell's pipe: node's own stdin pipes are sockets, which /dev/stdin cannot open
    const r = spawnSync('sh', ['-c', `cat groot.csv | "${process.execPath}" "${BIN}" import placements /dev/stdin --json`], { cwd: dir, encoding: 'utf8', env: { ...process.env, BPV_DB: '' } });
    expect([r.status, JSON.parse(r.stdout).read, JSON.parse(r.stdout).inserted]).toEqual([0, 3_000, 3_000]);
  });

  it('names every mistake at its line and column, rejects those rows whole, keeps the good ones', () => {
    const rows = [
      HEADER,
      row({ 'Plaatsing ID': 'A1', Einddatum: '31-02-2027' }), // line 2 (+1 for the leerdoelen newline)
      row({ 'Plaatsing ID': 'A2', Einddatum: '01-08-2026' }), // line 4: before start
      row({ 'Plaatsing ID': 'A3', Niveau: '5', Leerweg: 'BOLL' }),
      row({ 'Plaatsing ID': 'A4', KvK: '1234567' }),
      row({ 'Plaatsing ID': 'A5', 'E-mail praktijkopleider': 'jan@@x' }),
      row({ 'Plaatsing ID': 'A6', 'Uren per week': '70', 'Uren totaal': '0' }),
      row({ 'Plaatsing ID': 'A7', Crebo: '25A91', Postcode: '0123 AB', Vakantiewerk: 'misschien' }),
      row({ 'Plaatsing ID': 'A8', Achternaam: '' }),
      row({ 'Plaatsing ID': 'GOED', Leerdoelen: '' }), // line 18
      row({ 'Plaatsing ID': 'GOED', Leerdoelen: '' }), // line 19: duplicate key
    ];
    const dir = tempDir({ 'fouten.csv': excelCsv(rows) });
    const r = bpv(['import', 'placements', 'fouten.csv', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ read: 10, inserted: 1, rejected: 9 });
    const at = (line: number, column: string) => s.errors.find((e: any) => e.line === line && e.column === column);
    expect(at(2, 'einddatum')).toMatchObject({ value: '31-02-2027', message: '"31-02-2027" is geen geldige datum (gebruik DD-MM-JJJJ of JJJJ-MM-DD)' });
    expect(at(4, 'einddatum')?.message).toContain('vóór de startdatum');
    expect(at(6, 'niveau')).toMatchObject({ value: '5' });
    expect(at(6, 'leerweg')).toMatchObject({ value: 'BOLL' });
    expect(at(8, 'kvk')?.message).toContain('voorloopnullen');
    expect(at(10, 'email_praktijkopleider')).toMatchObject({ value: 'jan@@x' });
    expect(at(12, 'uren_per_week')).toMatchObject({ value: '70' });
    expect(at(12, 'uren_totaal')).toMatchObject({ value: '0' });
    expect(at(14, 'crebo')).toMatchObject({ value: '25A91' });
    expect(at(14, 'postcode')).toMatchObject({ value: '0123 AB' });
    expect(at(14, 'vakantiewerk')).toMatchObject({ value: 'misschien' });
    expect(at(16, 'achternaam')?.message).toBe('verplicht, maar leeg');
    expect(at(19, 'plaatsing_id')?.message).toContain('regel 18');
    expect(r.stderr).toContain('regel 2, kolom einddatum: "31-02-2027" is geen geldige datum');
    expect(bpvJson(['placements', 'list', '--json'], { cwd: dir }).map((p: any) => p.plaatsing_id)).toEqual(['GOED']);
  });

  it('writes the rejected rows exactly as they were, in the input columns and encoding, plus fout', () => {
    const bad = row({ 'Plaatsing ID': 'X1', Niveau: '7' });
    const dir = tempDir({ 'in.csv': excelCsv([HEADER, row(), bad]) });
    const r = bpv(['import', 'placements', 'in.csv', '--reject-file', 'afgekeurd.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = fs.readFileSync(path.join(dir, 'afgekeurd.csv'));
    const expected = excelCsv([[...HEADER, 'fout'], [...bad, 'niveau: "7" is geen geldig niveau: kies 1, 2, 3 of 4']]);
    expect(out.toString('latin1')).toBe(expected.toString('latin1'));
    // that file imported again, half fixed: its own fout column holds the current reason, one column
    const halfFixed = excelCsv([[...HEADER, 'fout'], [...row({ 'Plaatsing ID': 'X1', Niveau: '3', Leerweg: 'stage' }), 'niveau: oud']]);
    fs.writeFileSync(path.join(dir, 'afgekeurd.csv'), halfFixed);
    expect(bpv(['import', 'placements', 'afgekeurd.csv', '--reject-file', 'opnieuw.csv'], { cwd: dir }).code).toBe(1);
    const again = excelCsv([[...HEADER, 'fout'], [...row({ 'Plaatsing ID': 'X1', Niveau: '3', Leerweg: 'stage' }), 'leerweg: "stage" is geen geldige leerweg: kies BOL of BBL']]);
    expect(fs.readFileSync(path.join(dir, 'opnieuw.csv')).toString('latin1')).toBe(again.toString('latin1'));
  });

  it('re-importing the same file changes nothing; a changed row is counted and audited', () => {
    const dir = tempDir({ 'a.csv': excelCsv([HEADER, row(), row({ 'Plaatsing ID': 'P-2', Studentnummer: '777' })]) });
    expect(bpv(['import', 'placements', 'a.csv'], { cwd: dir }).code).toBe(0);
    const again = bpv(['import', 'placements', 'a.csv', '--json'], { cwd: dir });
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(again.stderr).toContain('Niets gewijzigd');

    fs.writeFileSync(path.join(dir, 'b.csv'), excelCsv([HEADER, row({ 'Uren per week': '24' }), row({ 'Plaatsing ID': 'P-2', Studentnummer: '777', Praktijkopleider: 'Joëlle de Vries-Bakker' })]));
    const changed = JSON.parse(bpv(['import', 'placements', 'b.csv', '--json'], { cwd: dir }).stdout);
    expect(changed).toMatchObject({ inserted: 0, updated: 2, unchanged: 0 });
    const audit = readDb(path.join(dir, 'bpv.db'), (db) => ({
      log: db.prepare("SELECT command, file_name, file_sha256, counts FROM audit_log WHERE file_name = 'b.csv'").get() as any,
      changes: db.prepare('SELECT entity, entity_key, field, old_value, new_value FROM audit_changes ORDER BY entity, field').all(),
    }));
    expect(audit.log.command).toBe('import placements');
    expect(audit.log.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(audit.log.counts)).toMatchObject({ updated: 2 });
    expect(audit.changes).toEqual([
      { entity: 'persoon', entity_key: 'j.devries@zorggroep.nl', field: 'naam', old_value: 'Joëlle de Vries', new_value: 'Joëlle de Vries-Bakker' },
      { entity: 'plaatsing', entity_key: 'P-1001', field: 'uren_per_week', old_value: '22.5', new_value: '24' },
    ]);
  });

  it('a file without an optional column leaves what that column stored (a partial export changes nothing)', () => {
    const first = excelCsv([HEADER,
      row({ Vakantiewerk: 'Ja' }),
      row({ 'Plaatsing ID': 'P-2', Studentnummer: '777', Vestigingsnummer: '000087654321', Leerdoelen: 'Rapporteren' })]);
    // only the required columns: no opleiding, vestigingsnummer, werkbegeleider, leerdoelen, vakantiewerk
    const keep = ['Plaatsing ID', 'Studentnummer', 'Voornaam', 'Achternaam', 'Crebo', 'Niveau', 'Leerweg', 'Leerbedrijf', 'KvK',
      'Praktijkopleider', 'E-mail praktijkopleider', 'Startdatum', 'Einddatum', 'Uren totaal', 'Uren per week'];
    const partial = (rows: string[][]) => excelCsv([keep, ...rows.map((r) => keep.map((h) => r[HEADER.indexOf(h)]!))]);
    const dir = tempDir({
      'a.csv': first,
      'b.csv': partial([row(), row({ 'Plaatsing ID': 'P-2', Studentnummer: '777' })]),
      // a new placement at a company with two stored locations: which one, the file does not say
      'c.csv': partial([row({ 'Plaatsing ID': 'P-3', Studentnummer: '888' })]),
    });
    expect(bpv(['import', 'placements', 'a.csv'], { cwd: dir }).code).toBe(0);
    const stored = bpvJson(['placements', 'list', '--json'], { cwd: dir });
    expect(stored.map((p: any) => [p.plaatsing_id, p.vestigingsnummer, p.leerdoelen !== null, p.werkbegeleider, p.vakantiewerk])).toEqual([
      ['P-1001', '000012345678', true, 'Ömer Çelik', true],
      ['P-2', '000087654321', true, 'Ömer Çelik', false],
    ]);
    const again = bpv(['import', 'placements', 'b.csv', '--json'], { cwd: dir });
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(bpvJson(['placements', 'list', '--json'], { cwd: dir })).toEqual(stored);
    expect(JSON.parse(bpv(['import', 'placements', 'c.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ inserted: 1 });
    const companies = readDb(path.join(dir, 'bpv.db'), (db) => db.prepare('SELECT kvk, vestigingsnummer FROM companies ORDER BY id').all());
    expect(companies).toEqual([
      { kvk: '01234567', vestigingsnummer: '000012345678' },
      { kvk: '01234567', vestigingsnummer: '000087654321' },
      { kvk: '01234567', vestigingsnummer: null },
    ]);
  });

  it('a known student changed by the row of a new placement: that row is new, the change is said and audited', () => {
    const dir = tempDir({ 'a.csv': excelCsv([HEADER, row()]) });
    expect(bpv(['import', 'placements', 'a.csv'], { cwd: dir }).code).toBe(0);
    // the same placement as stored, then a new one whose row spells the student's surname anew
    fs.writeFileSync(path.join(dir, 'b.csv'), excelCsv([HEADER, row(), row({ 'Plaatsing ID': 'P-1003', Achternaam: 'Brüggen-Smit' })]));
    const r = bpv(['import', 'placements', 'b.csv', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ inserted: 1, updated: 0, unchanged: 1, records_changed: 1 });
    expect(r.stderr).toContain('1 nieuw, 0 gewijzigd, 1 ongewijzigd');
    expect(r.stderr).toContain('Ook bijgewerkt: 1 al bekende student(en)');
    expect(bpvJson(['placements', 'show', 'P-1001', '--json'], { cwd: dir })).toMatchObject({ achternaam: 'Brüggen-Smit' });
    const changes = readDb(path.join(dir, 'bpv.db'), (db) => db.prepare("SELECT entity, entity_key, field, old_value, new_value FROM audit_changes WHERE entity = 'student'").all());
    expect(changes).toEqual([{ entity: 'student', entity_key: '0012345', field: 'achternaam', old_value: 'Brüggen', new_value: 'Brüggen-Smit' }]);
    // imported again: nothing changes, and nothing is said to
    const again = bpv(['import', 'placements', 'b.csv', '--json'], { cwd: dir });
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, records_changed: 0 });
    expect(again.stderr).not.toContain('Ook bijgewerkt');
  });

  it('a stored placement does not change students: two placements under one id are refused, also from the reject file', () => {
    const r = (over: Partial<Record<string, string>>) => row({ Leerdoelen: '', ...over });
    const dir = tempDir({ 'a.csv': excelCsv([HEADER, r({ 'Plaatsing ID': 'F-001' }), r({ 'Plaatsing ID': 'F-001', Studentnummer: '777', Voornaam: 'Mees' })]) });
    const first = bpv(['import', 'placements', 'a.csv', '--reject-file', 'fout.csv', '--json'], { cwd: dir });
    expect(JSON.parse(first.stdout)).toMatchObject({ inserted: 1, rejected: 1 });
    // the clerk imports the reject file as it is: it would give Zoë's placement to Mees
    const again = bpv(['import', 'placements', 'fout.csv', '--json'], { cwd: dir });
    expect(again.code).toBe(1);
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({ inserted: 0, updated: 0, rejected: 1 });
    // the reject file's own column is not an unknown column of the clerk's
    expect(summary.unknown_columns).toEqual([]);
    expect(again.stderr).not.toContain('Onbekende kolommen');
    expect(summary.errors).toEqual([{
      line: 2, column: 'studentnummer', value: '777',
      message: 'plaatsing F-001 is van student 0012345, niet van 777; een plaatsing wisselt niet van student (uren en POK horen erbij): controleer plaatsing_id',
    }]);
    expect(bpvJson(['placements', 'show', 'F-001', '--json'], { cwd: dir })).toMatchObject({ studentnummer: '0012345', voornaam: 'Zoë' });
    // its own student, changed otherwise, is an update as before
    fs.writeFileSync(path.join(dir, 'b.csv'), excelCsv([HEADER, r({ 'Plaatsing ID': 'F-001', 'Uren per week': '24' })]));
    expect(JSON.parse(bpv(['import', 'placements', 'b.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ updated: 1, rejected: 0 });
  });

  it('a student, company or supervisor on several rows: values merge, the last wins, differences are warned', () => {
    const r = (over: Partial<Record<string, string>>) => row({ Leerdoelen: '', ...over });
    const dir = tempDir({
      'a.csv': excelCsv([
        HEADER,
        r({ 'Plaatsing ID': 'P-1', 'E-mail student': '', 'Telefoon praktijkopleider': '030-1111111' }),
        r({ 'Plaatsing ID': 'P-2', Voornaam: 'Zoe', Leerbedrijf: 'Zorggroep Een', 'Telefoon praktijkopleider': '', Startdatum: '2027-02-01', Einddatum: '2027-06-30' }),
        r({ 'Plaatsing ID': 'P-3', Studentnummer: '555', Voornaam: 'Piet', 'E-mail student': 'piet@student.nl', Leerbedrijf: 'Zorggroep Een', 'Telefoon praktijkopleider': '' }),
        r({ 'Plaatsing ID': 'P-4', Voornaam: 'Zoe', Leerbedrijf: 'Zorggroep Een', Startdatum: '2027-07-01', Einddatum: '2027-08-30', 'Telefoon praktijkopleider': '030-2222222' }),
      ]),
    });
    const first = JSON.parse(bpv(['import', 'placements', 'a.csv', '--json'], { cwd: dir }).stdout);
    expect(first).toMatchObject({ inserted: 4, updated: 0, rejected: 0 });
    expect(first.warnings).toEqual([
      { line: 3, column: 'voornaam', message: 'student 0012345: voornaam is "Zoe", op regel 2 "Zoë"; de laatste waarde geldt' },
      { line: 3, column: 'naam', message: expect.stringMatching(/^leerbedrijf 01234567: naam is "Zorggroep Een", op regel 2 "Zorggroep Eén; locatie Oost"/) },
      { line: 5, column: 'telefoon', message: 'j.devries@zorggroep.nl: telefoon is "030-2222222", op regel 2 "030-1111111"; de laatste waarde geldt' },
    ]);
    const list = bpvJson(['placements', 'list', '--json'], { cwd: dir });
    const p1 = list.find((p: any) => p.plaatsing_id === 'P-1');
    // the empty e-mail of the first row is filled by a later one; an empty phone clears nothing
    expect(p1).toMatchObject({ voornaam: 'Zoe', email_student: 'zoe.bruggen@student.nl', leerbedrijf: 'Zorggroep Een', telefoon_praktijkopleider: '030-2222222' });
    expect(list.find((p: any) => p.plaatsing_id === 'P-3')).toMatchObject({ voornaam: 'Piet', email_student: 'piet@student.nl' });

    // the same rows again, one student renamed on one of them: that row counts as updated
    fs.writeFileSync(path.join(dir, 'b.csv'), excelCsv([HEADER, r({ 'Plaatsing ID': 'P-3', Studentnummer: '555', Voornaam: 'Pieter', 'E-mail student': 'piet@student.nl', Leerbedrijf: 'Zorggroep Een', 'Telefoon praktijkopleider': '030-2222222' })]));
    const second = JSON.parse(bpv(['import', 'placements', 'b.csv', '--json'], { cwd: dir }).stdout);
    expect(second).toMatchObject({ inserted: 0, updated: 1, unchanged: 0, warnings: [] });
    const changes = readDb(path.join(dir, 'bpv.db'), (db) => db.prepare("SELECT entity, entity_key, field, old_value, new_value FROM audit_changes").all());
    expect(changes).toEqual([{ entity: 'student', entity_key: '555', field: 'voornaam', old_value: 'Piet', new_value: 'Pieter' }]);
  });

  // A file is the truth for the columns it has: a stored student, company or supervisor loses a
  // value that every row naming it leaves empty (as a placement loses its werkbegeleider); a
  // column the file does not have changes nothing. The re-import said "Niets gewijzigd" and
  // kept every value (found by a helper).
  it('an empty cell clears a stored student, company or supervisor value; a missing column does not', () => {
    const cleared = ['Tussenvoegsel', 'Geboortedatum', 'E-mail student', 'Adres', 'Postcode', 'Plaats', 'Telefoon praktijkopleider'];
    const empty = Object.fromEntries(cleared.map((h) => [h, '']));
    const without = HEADER.filter((h) => !cleared.includes(h));
    const dir = tempDir({
      'full.csv': excelCsv([HEADER, row()]),
      'no-columns.csv': excelCsv([without, without.map((h) => row()[HEADER.indexOf(h)]!)]),
      'empty.csv': excelCsv([HEADER, row(empty)]),
      // the student's second placement gives an e-mail: the first row's empty cell clears nothing
      'two.csv': excelCsv([HEADER, row(empty), row({ ...empty, 'Plaatsing ID': 'P-1002', 'E-mail student': 'zoe@student.nl', Startdatum: '1-2-2027', Einddatum: '30-6-2027' })]),
    });
    expect(bpv(['import', 'placements', 'full.csv'], { cwd: dir }).code).toBe(0);
    const stored = bpvJson(['placements', 'show', 'P-1001', '--json'], { cwd: dir });
    const missing = JSON.parse(bpv(['import', 'placements', 'no-columns.csv', '--json'], { cwd: dir }).stdout);
    expect(missing).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(bpvJson(['placements', 'show', 'P-1001', '--json'], { cwd: dir })).toEqual(stored);

    const r = bpv(['import', 'placements', 'empty.csv', '--json'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toMatchObject({ inserted: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(r.stderr).not.toContain('Niets gewijzigd');
    expect(bpvJson(['placements', 'show', 'P-1001', '--json'], { cwd: dir })).toMatchObject({
      tussenvoegsel: null, geboortedatum: null, email_student: null, adres: null, postcode: null, plaats: null,
      telefoon_praktijkopleider: null,
      // the names and the placement's own fields stay as the row gives them
      voornaam: 'Zoë', achternaam: 'Brüggen', leerbedrijf: 'Zorggroep Eén; locatie Oost', werkbegeleider: 'Ömer Çelik',
    });
    const changes = readDb(path.join(dir, 'bpv.db'), (db) => db.prepare('SELECT entity, field, old_value, new_value FROM audit_changes ORDER BY rowid').all());
    expect(changes).toEqual(expect.arrayContaining([
      { entity: 'student', field: 'tussenvoegsel', old_value: 'van der', new_value: null },
      { entity: 'student', field: 'email', old_value: 'zoe.bruggen@student.nl', new_value: null },
      { entity: 'leerbedrijf', field: 'postcode', old_value: '3511 AB', new_value: null },
      { entity: 'persoon', field: 'telefoon', old_value: '030-1234567', new_value: null },
    ]));
    expect(changes).toHaveLength(7);
    // again: nothing left to change
    expect(JSON.parse(bpv(['import', 'placements', 'empty.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ updated: 0, unchanged: 1 });

    expect(bpv(['import', 'placements', 'two.csv'], { cwd: dir }).code).toBe(0);
    expect(bpvJson(['placements', 'show', 'P-1001', '--json'], { cwd: dir })).toMatchObject({ email_student: 'zoe@student.nl', tussenvoegsel: null });
  });

  it('--strict and --dry-run write nothing', () => {
    const dir = tempDir({ 'a.csv': excelCsv([HEADER, row(), row({ 'Plaatsing ID': 'BAD', Niveau: '9' })]) });
    const strict = bpv(['import', 'placements', 'a.csv', '--strict', '--json'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject({ inserted: 1, rejected: 1, written: false });
    // the database it would have created is not left behind, empty
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('bpv.db'))).toEqual([]);
    expect(bpv(['init'], { cwd: dir }).code).toBe(0);
    expect(bpv(['import', 'placements', 'a.csv', '--strict'], { cwd: dir }).code).toBe(1);
    expect(bpvJson(['placements', 'list', '--json'], { cwd: dir })).toEqual([]);

    const dry = bpv(['import', 'placements', 'a.csv', '--dry-run', '--json'], { cwd: dir });
    expect(JSON.parse(dry.stdout)).toMatchObject({ read: 2, inserted: 1, rejected: 1, dry_run: true, written: false });
    expect(bpvJson(['placements', 'list', '--json'], { cwd: dir })).toEqual([]);
    expect(readDb(path.join(dir, 'bpv.db'), (db) => (db.prepare("SELECT count(*) AS n FROM audit_log WHERE command LIKE 'import%'").get() as any).n)).toBe(0);
  });

  it('a dry run against a database that does not exist creates nothing', () => {
    const dir = tempDir({ 'a.csv': excelCsv([HEADER, row()]) });
    const dry = bpv(['import', 'placements', 'a.csv', '--dry-run', '--json'], { cwd: dir });
    expect(JSON.parse(dry.stdout)).toMatchObject({ inserted: 1 });
    expect(fs.existsSync(path.join(dir, 'bpv.db'))).toBe(false);
  });

  it('assigns an id when the source has none, and finds the placement again by student, kvk and start', () => {
    const dir = tempDir({ 'a.csv': excelCsv([HEADER, row({ 'Plaatsing ID': '' })]) });
    expect(bpv(['import', 'placements', 'a.csv'], { cwd: dir }).code).toBe(0);
    const [p] = bpvJson(['placements', 'list', '--json'], { cwd: dir });
    expect(p.plaatsing_id).toMatch(/^BPV-\d+$/);
    fs.writeFileSync(path.join(dir, 'b.csv'), excelCsv([HEADER, row({ 'Plaatsing ID': '', 'Uren totaal': '700' })]));
    expect(JSON.parse(bpv(['import', 'placements', 'b.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ inserted: 0, updated: 1 });
    expect(bpvJson(['placements', 'show', p.plaatsing_id, '--json'], { cwd: dir }).uren_totaal).toBe(700);
    // the source starts giving ids: the placement takes the source's id, not a second placement
    fs.writeFileSync(path.join(dir, 'd.csv'), excelCsv([HEADER, row({ 'Plaatsing ID': 'X-888', 'Uren totaal': '700' })]));
    expect(JSON.parse(bpv(['import', 'placements', 'd.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ inserted: 0, updated: 1 });
    expect(bpvJson(['placements', 'list', '--json'], { cwd: dir }).map((x: any) => x.plaatsing_id)).toEqual(['X-888']);
    const renamed = readDb(path.join(dir, 'bpv.db'), (db) => db.prepare("SELECT old_value, new_value FROM audit_changes WHERE field = 'plaatsing_id'").all());
    expect(renamed).toEqual([{ old_value: p.plaatsing_id, new_value: 'X-888' }]);
    expect(JSON.parse(bpv(['import', 'placements', 'd.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    // ...but one with a POK keeps its id (the POK number; a new one voids every signature)
    const other = tempDir({ 'a.csv': excelCsv([HEADER, row({ 'Plaatsing ID': '' })]), 'd.csv': excelCsv([HEADER, row({ 'Plaatsing ID': 'X-999', 'Uren totaal': '720' })]) });
    expect(bpv(['import', 'placements', 'a.csv'], { cwd: other }).code).toBe(0);
    const [q] = bpvJson(['placements', 'list', '--json'], { cwd: other });
    const raw = new Database(path.join(other, 'bpv.db'));
    raw.prepare("INSERT INTO pok_versions SELECT id, 1, '2026-08-20', 'x', 'x', '{}' FROM placements").run();
    raw.close();
    const kept = JSON.parse(bpv(['import', 'placements', 'd.csv', '--json'], { cwd: other }).stdout);
    expect(kept).toMatchObject({ inserted: 0, updated: 1 });
    expect(kept.warnings).toEqual([expect.objectContaining({ column: 'plaatsing_id', message: expect.stringContaining(`dit is plaatsing ${q.plaatsing_id}`) })]);
    expect(bpvJson(['placements', 'list', '--json'], { cwd: other }).map((x: any) => [x.plaatsing_id, x.uren_totaal])).toEqual([[q.plaatsing_id, 720]]);
    // the same placement twice without an id: the error names the columns of that key, not plaatsing_id
    fs.writeFileSync(path.join(dir, 'c.csv'), excelCsv([HEADER, row({ 'Plaatsing ID': '' }), row({ 'Plaatsing ID': '', 'Uren totaal': '710' })]));
    const twice = JSON.parse(bpv(['import', 'placements', 'c.csv', '--json'], { cwd: dir }).stdout);
    expect(twice.errors).toEqual([expect.objectContaining({
      line: 4, column: 'studentnummer', message: 'deze combinatie van studentnummer, kvk en startdatum komt al voor op regel 2; deze regel is overgeslagen',
    })]);
  });

  it('a missing date of birth is a warning per row; a missing column is said once for the file', () => {
    const gi = HEADER.indexOf('Geboortedatum');
    const without = (r: string[]) => r.filter((_, i) => i !== gi);
    const dir = tempDir({
      'leeg.csv': excelCsv([HEADER, row({ Geboortedatum: '' }), row({ 'Plaatsing ID': 'P-1002', Geboortedatum: '' })]),
      'zonder.csv': excelCsv([without(HEADER), without(row()), without(row({ 'Plaatsing ID': 'P-1002' }))]),
    });
    const leeg = JSON.parse(bpv(['import', 'placements', 'leeg.csv', '--json', '--dry-run'], { cwd: dir }).stdout);
    // each row's leerdoelen hold a line break: the second row starts on line 4
    expect(leeg.warnings.map((w: any) => [w.line, w.column])).toEqual([[2, 'geboortedatum'], [4, 'geboortedatum']]);
    const zonder = JSON.parse(bpv(['import', 'placements', 'zonder.csv', '--json'], { cwd: dir }).stdout);
    expect(zonder).toMatchObject({ inserted: 2, rejected: 0 });
    expect(zonder.warnings).toHaveLength(1);
    expect(zonder.warnings[0]).toMatchObject({ line: 1, column: 'geboortedatum' });
    expect(zonder.warnings[0].message).toContain('geen kolom geboortedatum');
  });

  it('refuses a --reject-file that cannot take the rejects before importing anything', () => {
    const dir = tempDir({ 'in.csv': excelCsv([HEADER, row(), row({ 'Plaatsing ID': 'P-1002', Crebo: 'x' })]), 'map/.keep': '' });
    const before = fs.readFileSync(path.join(dir, 'in.csv'));
    for (const [target, text] of [
      ['in.csv', 'is het invoerbestand zelf'],
      ['./map/../in.csv', 'is het invoerbestand zelf'],
      ['map', 'is een map'],
      ['weg/fout.csv', 'bestaat niet'],
    ]) {
      const r = bpv(['import', 'placements', 'in.csv', '--reject-file', target!], { cwd: dir });
      expect([r.code, r.stdout], target).toEqual([2, '']);
      expect(r.stderr, target).toContain(text);
      expect(r.stderr, target).toContain('--reject-file');
    }
    // the input is as it was, and nothing was imported (no database either)
    expect(fs.readFileSync(path.join(dir, 'in.csv')).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('bpv.db'))).toEqual([]);
 
    // the database itself (a slip of the hand): a clean run wrote the header over it
    expect(bpv(['import', 'placements', 'in.csv', '--db', 'echt.db'], { cwd: dir }).code).toBeLessThanOrEqual(1);
    const db = fs.readFileSync(path.join(dir, 'echt.db'));
    for (const target of ['echt.db', 'echt.db-wal']) {
      if (target.endsWith('-wal')) fs.writeFileSync(path.join(dir, target), 'x');
      const r = bpv(['import', 'placements', 'in.csv', '--db', 'echt.db', '--reject-file', target], { cwd: dir });
      expect([r.code, target]).toEqual([2, target]);
      expect(r.stderr).toContain('dat is een database');
    }
    expect(fs.readFileSync(path.join(dir, 'echt.db')).equals(db)).toBe(true);
  });

  it('refuses unusable files with exit 2, no stack trace and no database', () => {
    const dir = tempDir({
      'leeg.csv': '',
      'kop.csv': excelCsv([HEADER]),
      'rommel.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0, 0xff, 0xfe, 0, 1]),
      'kolommen.csv': utf8Csv([['studentnummer', 'Voornaam', 'achternaam', 'E-mail praktijk opleider x', 'Startdatum']]),
      // usable at first (a header, a good row over lines 2-3), broken at the end: the
      // database the import opened for it is removed again
      'open-quote.csv': Buffer.concat([excelCsv([HEADER, row()]), Buffer.from('P-2;"nooit gesloten\r\n')]),
    });
    for (const [file, text] of [
      ['leeg.csv', 'is leeg'],
      ['kop.csv', 'alleen een kopregel'],
      ['rommel.csv', 'geen CSV-bestand'],
      ['kolommen.csv', 'mist verplichte kolommen'],
      ['bestaat-niet.csv', 'bestaat niet'],
      ['open-quote.csv', 'geen geldige CSV rond regel 4: een veld in dit record begint met een aanhalingsteken'],
    ]) {
      const r = bpv(['import', 'placements', file!], { cwd: dir });
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toContain(text);
      expect(r.stderr, file).not.toMatch(/\n\s+at /);
      expect(r.stdout, file).toBe('');
    }
    const cols = bpv(['import', 'placements', 'kolommen.csv'], { cwd: dir });
    expect(cols.stderr).toContain('crebo');
    expect(cols.stderr).toContain('Gevonden kopregels: "studentnummer", "Voornaam"');
    expect(cols.stderr).toContain('--map email_praktijkopleider=');
    // none of them left a database behind
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('bpv.db'))).toEqual([]);
  });

  it('--map maps other headers, and unknown columns are named once', () => {
    const header = HEADER.map((h) => (h === 'E-mail praktijkopleider' ? 'Mail PO' : h));
    const dir = tempDir({ 'a.csv': excelCsv([[...header, 'Opmerking'], [...row(), 'x']]) });
    const without = bpv(['import', 'placements', 'a.csv'], { cwd: dir });
    expect(without.code).toBe(2);
    const r = bpv(['import', 'placements', 'a.csv', '--map', 'email_praktijkopleider=Mail PO'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Onbekende kolommen genegeerd: "Opmerking"');
  });
});

describe('a re-import of placements, rows there and new mixed', () => {
  it('counts and stores what an import of the final file into an empty database stores', async () => {
    const dir = tempDir();
    const { header, rows } = await generatedCsv(dir, { placements: 3_000, timesheets: 0, timesheetPlacements: 0 }, 'placements.csv');
    const col = header.split(',').indexOf('uren_per_week');
    // the later file changes every tenth row's hours a week and holds rows 1,500-1,999 the
    // earlier did not: batches that are there, a stretch of new ones, rows that are there again
    const later = rows.map((r, i) => {
      if (i % 10 || r.includes('"')) return r;
      const f = r.split(',');
      f[col] = '36';
      return f.join(',');
    });
    fs.writeFileSync(path.join(dir, 'eerder.csv'), [header, ...rows.filter((_, i) => i < 1_500 || i >= 2_000)].join('\n') + '\n');
    fs.writeFileSync(path.join(dir, 'later.csv'), [header, ...later].join('\n') + '\n');
    expect(bpv(['--db', 'twice.db', 'import', 'placements', 'eerder.csv'], { cwd: dir }).code).toBe(0);
    const second = bpvJson(['--db', 'twice.db', 'import', 'placements', 'later.csv', '--json'], { cwd: dir });
    const changed = later.filter((r, i) => (i < 1_500 || i >= 2_000) && r !== rows[i]).length;
    expect(changed).toBeGreaterThan(50);
    expect([second.inserted, second.updated, second.unchanged, second.rejected]).toEqual([500, changed, 2_500 - changed, 0]);
    expect(bpv(['--db', 'once.db', 'import', 'placements', 'later.csv'], { cwd: dir }).code).toBe(0);
    const stored = (db: string) => readDb(path.join(dir, db), (d) => d.prepare(
      `SELECT p.plaatsing_id, p.studentnummer, c.kvk, p.crebo, p.startdatum, p.einddatum, p.uren_totaal, p.uren_per_week, p.praktijkopleider_email
         FROM placements p JOIN companies c ON c.id = p.company_id ORDER BY p.plaatsing_id`).all());
    const twice = stored('twice.db');
    expect(twice).toHaveLength(3_000);
    expect(twice).toEqual(stored('once.db'));
  }, 60_000);
});
