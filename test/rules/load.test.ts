import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/db/migrations.js';
import { UsageError } from '../../src/errors.js';
import { runRules } from '../../src/rules/engine.js';
import { LOAD_SQL, loadValidationInput, validateDatabase } from '../../src/rules/load.js';
import { loadPokSources, pokDataHash } from '../../src/pok/data.js';

let db: Database.Database;

function seed(): void {
  db.exec(MIGRATIONS[0]!);
  db.exec(`
    INSERT INTO students VALUES ('012345', 'Sanne', 'de', 'Vries', '2009-03-01', NULL),
                                ('054321', 'Ahmed', NULL, 'Yilmaz', NULL, NULL);
    INSERT INTO companies (id, kvk, vestigingsnummer, naam) VALUES (1, '01234567', NULL, 'Zorg BV'),
                                                                   (2, '07654321', '000000000001', 'Bakkerij');
    INSERT INTO persons VALUES ('po@zorg.nl', 'Piet', NULL), ('po@bakkerij.nl', 'Bea', NULL);
    INSERT INTO placements (id, plaatsing_id, studentnummer, company_id, crebo, niveau, leerweg, praktijkopleider_email,
                            startdatum, einddatum, uren_totaal, uren_per_week, vakantiewerk)
      VALUES (1, 'P-2', '012345', 1, '25491', 3, 'BOL', 'po@zorg.nl', '2026-09-01', '2027-01-31', 640, 32, 0),
             (2, 'P-1', '054321', 2, '25180', 2, 'BBL', 'po@bakkerij.nl', '2026-09-01', '2027-06-30', 1200, 32, 1);
    UPDATE placements SET beeindigd_op = '2026-12-31', beeindigd_reden = 'overmacht' WHERE id = 2;
    INSERT INTO recognitions (kvk, vestigingsnummer, crebo, erkend_vanaf, erkend_tot)
      VALUES ('01234567', NULL, '25491', '2020-01-01', NULL);
    INSERT INTO pok_versions VALUES (1, 1, '2026-08-01', 'a', 'a', '{}'), (1, 2, '2026-08-15', 'b', 'b', '{}');
    INSERT INTO pok_signatures VALUES (1, 1, 'ouder', '2026-08-02', NULL),
                                      (1, 2, 'student', '2026-08-16', NULL), (1, 2, 'leerbedrijf', '2026-08-16', NULL),
                                      (1, 2, 'school', '2026-08-17', NULL);
    INSERT INTO settings VALUES ('school.regio', 'midden');
  `);
  const ts = db.prepare(
    `INSERT INTO timesheets (placement_id, datum, soort, uren, status, goedgekeurd_op) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  // P-2, week 2026-W45: 9,5 h a day for four days (38 h, overtime); a day in the autumn holiday.
  for (const d of ['2026-11-05', '2026-11-03', '2026-11-04', '2026-11-02']) ts.run(1, d, 'gewerkt', 9.5, 'goedgekeurd', '2026-11-09');
  ts.run(1, '2026-10-20', 'gewerkt', 8, 'goedgekeurd', '2026-10-26');
  ts.run(1, '2026-11-02', 'ziek', 0, 'goedgekeurd', '2026-11-09');
  // P-1: one concept day long past.
  ts.run(2, '2026-10-05', 'gewerkt', 8, 'concept', null);
  // P-2's current POK holds its data as it is now (else it would be outdated)
  db.prepare('UPDATE pok_versions SET data_hash = ? WHERE placement_id = 1 AND version = 2').run(pokDataHash(loadPokSources(db, ['P-2'])[0]!.data));
}

beforeEach(() => {
  db = new Database(':memory:');
  seed();
});
afterEach(() => db.close());

const holidays = [{ naam: 'Herfstvakantie', regio: 'midden' as const, begin: '2026-10-17', eind: '2026-10-25' }];

describe('loadValidationInput', () => {
  it('reads placements, their entries in date order, the current POK and recognition', () => {
    const input = loadValidationInput(db, { asOf: '2026-11-24', lang: 'nl', holidays });
    const p2 = input.placements.find((p) => p.plaatsing_id === 'P-2')!;
    expect(p2).toMatchObject({
      studentnummer: '012345',
      naam: 'Sanne de Vries',
      geboortedatum: '2009-03-01',
      kvk: '01234567',
      vakantiewerk: false,
      erkend: true,
      pok: { version: 2, signed: { student: '2026-08-16', leerbedrijf: '2026-08-16', school: '2026-08-17' } },
    });
    expect(p2.entries.map((e) => `${e.datum} ${e.soort}`)).toEqual([
      '2026-10-20 gewerkt',
      '2026-11-02 gewerkt',
      '2026-11-02 ziek',
      '2026-11-03 gewerkt',
      '2026-11-04 gewerkt',
      '2026-11-05 gewerkt',
    ]);
    const p1 = input.placements.find((p) => p.plaatsing_id === 'P-1')!;
    expect(p1).toMatchObject({ naam: 'Ahmed Yilmaz', beeindigd_op: '2026-12-31', erkend: false, pok: { version: null, signed: {} } });
    expect(input.recognitionsImported).toBe(true);
    expect(input.settings).toEqual(new Map([['school.regio', 'midden']]));
  });

  it('walks the timesheets key (placement, datum, soort) without a sort step, filtered or not', () => {
    const plan = (sql: string, params: object) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
    const all = plan(LOAD_SQL.timesheetsAll, {});
    expect(all).toMatch(/^SCAN t( USING INDEX \S+)?$/);
    expect(all).not.toMatch(/TEMP B-TREE/);
    const filtered = plan(LOAD_SQL.timesheetsFiltered, { ids: '["P-1"]', po: null });
    expect(filtered).toMatch(/SEARCH t USING (INDEX \S+|PRIMARY KEY) \(placement_id=\?\)/);
    expect(filtered).not.toMatch(/TEMP B-TREE/);
  });
});

describe('validateDatabase', () => {
  it('finds what the rules should, end to end', () => {
    const result = validateDatabase(db, { asOf: '2026-11-24', lang: 'nl', holidays });
    expect(result.findings.map((f) => [f.placement, f.rule, f.severity, f.date ?? f.week])).toEqual([
      ['P-1', 'niet-erkend', 'error', null],
      ['P-1', 'pok-ongetekend', 'error', null],
      ['P-1', 'uren-achterstand', 'warning', null],
      ['P-1', 'niet-ingediend', 'warning', '2026-W41'],
      ['P-2', 'pok-ongetekend', 'error', null],
      ['P-2', 'uren-achterstand', 'warning', null],
      ['P-2', 'schoolvakantie', 'error', '2026-10-20'],
      // the week sorts on its Monday, where the day finding's rule code comes first
      ['P-2', 'max-uren-dag', 'error', '2026-11-02'],
      ['P-2', 'overwerk', 'error', '2026-W45'],
      ['P-2', 'max-uren-dag', 'error', '2026-11-03'],
      ['P-2', 'max-uren-dag', 'error', '2026-11-04'],
      ['P-2', 'max-uren-dag', 'error', '2026-11-05'],
    ]);
    const pok = result.findings.find((f) => f.placement === 'P-2' && f.rule === 'pok-ongetekend')!;
    expect(pok.details).toMatchObject({ versie: 2, ontbrekend: ['ouder'], verouderd: false });
    // the placement's data changed since version 2: its signatures no longer count
    db.prepare("UPDATE placements SET uren_totaal = 680 WHERE plaatsing_id = 'P-2'").run();
    const later = validateDatabase(db, { asOf: '2026-11-24', lang: 'nl', holidays }).findings.find((f) => f.placement === 'P-2' && f.rule === 'pok-ongetekend')!;
    expect(later.details).toMatchObject({ versie: 2, ontbrekend: ['student', 'leerbedrijf', 'school', 'ouder'], verouderd: true });
    expect(later.message).toContain('is verouderd');
    db.prepare("UPDATE placements SET uren_totaal = 640 WHERE plaatsing_id = 'P-2'").run();
    expect(result.notes).toEqual([
      '1 plaatsing heeft geen geboortedatum (P-1): de leeftijdsregels behandelen de student als volwassene. Vul de geboortedatum aan met een import van plaatsingen.',
    ]);
    expect(result.summary).toEqual({ error: 9, warning: 3, info: 0 });
  });

  it('loads only the placements asked for, and takes settings from the caller', () => {
    const settings = { 'rules.pok-ongetekend.severity': 'off', 'rules.uren-achterstand.severity': 'off' };
    const byPo = validateDatabase(db, { asOf: '2026-11-24', lang: 'en', holidays, settings, filters: { praktijkopleider: 'PO@bakkerij.nl' } });
    expect(byPo.findings.map((f) => [f.placement, f.rule])).toEqual([
      ['P-1', 'niet-erkend'],
      ['P-1', 'niet-ingediend'],
    ]);
    expect(byPo.findings[1]!.message).toBe(
      'Week 2026-W41 still has 1 entry in draft (concept): the student must submit the week to the praktijkopleider.',
    );
    expect(byPo.notes).toEqual([
      "Rule schoolvakantie was skipped: school.regio is not set. Set the region with 'bpv config set school.regio noord|midden|zuid'.",
      '1 placement has no date of birth (P-1): the age rules treat the student as an adult. Add the date of birth with a placements import.',
    ]);
    const one = loadValidationInput(db, { asOf: '2026-11-24', lang: 'nl', holidays, filters: { placement: ['P-2'] } });
    expect(one.placements.map((p) => [p.plaatsing_id, p.entries.length])).toEqual([['P-2', 6]]);
  });
});

describe('validateDatabase streaming', () => {
  it('gives the same result as loading everything first', () => {
    const opts = { asOf: '2026-11-24', lang: 'nl' as const, holidays };
    expect(validateDatabase(db, opts)).toEqual(runRules(loadValidationInput(db, opts)));
  });

  it('checks --rule before reading anything', () => {
    expect(() => validateDatabase(db, { asOf: '2026-11-24', lang: 'nl', holidays, filters: { rules: ['x'] } })).toThrow(UsageError);
  });
});
