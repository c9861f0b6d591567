// The shipped fixtures (fixtures/) are what `bpv demo` and many tests read. They are written by
// fixtures/make-fixtures.mjs; this checks the committed files are exactly what the script makes,
// and that each file has the shape fixtures/README.md promises.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const fx = (name: string) => path.join(root, 'fixtures', name);

const CANON_PLACEMENT = [
  'plaatsing_id', 'studentnummer', 'voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'email_student',
  'opleiding', 'crebo', 'niveau', 'leerweg', 'leerbedrijf', 'kvk', 'vestigingsnummer', 'adres', 'postcode', 'plaats',
  'praktijkopleider', 'email_praktijkopleider', 'telefoon_praktijkopleider', 'werkbegeleider', 'email_werkbegeleider',
  'bpv_begeleider', 'email_bpv_begeleider', 'startdatum', 'einddatum', 'uren_totaal', 'uren_per_week', 'leerdoelen',
  'vakantiewerk',
];
const CANON_TIMESHEET = ['plaatsing_id', 'datum', 'uren', 'soort', 'werkzaamheden', 'status', 'ingediend_op', 'goedgekeurd_op', 'goedgekeurd_door'];
const norm = (h: string) => h.toLowerCase().replace(/[\s\-_.]/g, '');

function records(text: string, delimiter: string): string[][] {
  return parse(text, { delimiter, bom: true, relax_column_count: false }) as string[][];
}
const win1252 = (name: string) => iconv.decode(readFileSync(fx(name)), 'win1252');

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p, base) : [path.relative(base, p)];
  });
}

describe('fixtures/', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'bpv-fixtures-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('are exactly what make-fixtures.mjs writes', () => {
    execFileSync(process.execPath, [fx('make-fixtures.mjs'), '--out', tmp], { cwd: root, stdio: 'pipe' });
    const made = filesUnder(tmp).sort();
    expect(made.length).toBeGreaterThanOrEqual(8);
    for (const name of made) {
      expect(readFileSync(path.join(tmp, name)).equals(readFileSync(fx(name))), `${name} differs: run node fixtures/make-fixtures.mjs`).toBe(true);
    }
  });

  it('plaatsingen.csv is Dutch Excel CSV: Windows-1252, ;, CRLF, no BOM, Dutch headers', () => {
    const bytes = readFileSync(fx('plaatsingen.csv'));
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(bytes.includes(Buffer.from('Noël', 'latin1'))).toBe(true); // ë as the single byte 0xEB
    const text = win1252('plaatsingen.csv');
    expect(text.replace(/"[^"]*"/g, '').split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    const [header, ...rows] = records(text, ';');
    expect(header!.map(norm)).toEqual(CANON_PLACEMENT.map(norm));
    expect(header).toContain('E-mail praktijkopleider');
    expect(rows.length).toBeGreaterThanOrEqual(34);
    const col = (name: string) => rows.map((r) => r[CANON_PLACEMENT.indexOf(name)]!);
    expect(col('kvk').every((k) => /^\d{8}$/.test(k))).toBe(true);
    expect(col('kvk').some((k) => k.startsWith('0'))).toBe(true);
    expect(col('crebo').some((c) => /^\d\d\.\d{3}$/.test(c))).toBe(true);
    expect(col('startdatum').every((d) => /^\d\d-\d\d-\d{4}$/.test(d))).toBe(true);
    expect(col('uren_per_week')).toContain('22,5');
    expect(col('leerdoelen').some((t) => t.includes(';'))).toBe(true);
    expect(col('leerdoelen').some((t) => t.includes('\n'))).toBe(true);
    expect(col('vakantiewerk')).toContain('ja');
    expect(new Set(col('leerweg').map((l) => l.toUpperCase()))).toEqual(new Set(['BOL', 'BBL']));
    expect(new Set(col('plaatsing_id')).size).toBe(rows.length);
  });

  it('plaatsingen-utf8.csv is UTF-8 with BOM, comma, LF, canonical headers, other placements', () => {
    const bytes = readFileSync(fx('plaatsingen-utf8.csv'));
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const text = bytes.toString('utf8');
    expect(text).not.toContain('\r');
    expect(text).toMatch(/ĳ/);
    expect(text).toMatch(/ł/);
    const [header, ...rows] = records(text, ',');
    expect(header).toEqual(CANON_PLACEMENT);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.length).toBeLessThanOrEqual(8);
    const main = new Set(records(win1252('plaatsingen.csv'), ';').slice(1).map((r) => r[0]));
    for (const r of rows) expect(main.has(r[0]), r[0]).toBe(false);
  });

  it('uren.csv refers only to placements of plaatsingen.csv and uses Dutch dates and decimal commas', () => {
    const [header, ...rows] = records(win1252('uren.csv'), ';');
    expect(header!.map(norm)).toEqual(CANON_TIMESHEET.map(norm));
    const ids = new Set(records(win1252('plaatsingen.csv'), ';').slice(1).map((r) => r[0]));
    expect(rows.length).toBeGreaterThan(500);
    for (const r of rows) {
      expect(ids.has(r[0]), r[0]).toBe(true);
      expect(r[1]).toMatch(/^\d\d-\d\d-\d{4}$/);
      expect(r[2]).toMatch(/^\d+(,\d+)?$/);
      expect(['gewerkt', 'ziek', 'afwezig', 'verlof']).toContain(r[3]);
      expect(['concept', 'ingediend', 'goedgekeurd', 'correctie']).toContain(r[5]);
      if (r[5] === 'goedgekeurd') expect(r[7]).not.toBe('');
    }
  });

  it('uren-per-student.csv refers only to students of plaatsingen-utf8.csv', () => {
    const [header, ...rows] = records(readFileSync(fx('uren-per-student.csv'), 'utf8'), ',');
    expect(header).toEqual(['studentnummer', ...CANON_TIMESHEET.slice(1)]);
    const students = new Set(records(readFileSync(fx('plaatsingen-utf8.csv'), 'utf8'), ',').slice(1).map((r) => r[1]));
    for (const r of rows) expect(students.has(r[0]), r[0]).toBe(true);
  });

  it('erkenningen.csv recognises every company but one', () => {
    const [header, ...rows] = records(readFileSync(fx('erkenningen.csv'), 'utf8'), ';');
    expect(header!.map(norm)).toEqual(['kvk', 'vestigingsnummer', 'crebo', 'erkendvanaf', 'erkendtot', 'leerbedrijf']);
    const recognised = new Set(rows.map((r) => r[0]));
    const companies = new Set(records(win1252('plaatsingen.csv'), ';').slice(1).map((r) => r[CANON_PLACEMENT.indexOf('kvk')]));
    const missing = [...companies].filter((k) => !recognised.has(k));
    expect(missing).toEqual(['30112233']);
    expect(rows.some((r) => r[4] !== '')).toBe(true);
  });

  it('fouten/plaatsingen-fouten.csv has 2 good rows and 13 rows with one mistake each', () => {
    const [header, ...rows] = records(readFileSync(fx('fouten/plaatsingen-fouten.csv'), 'utf8'), ';');
    expect(header!.map(norm)).toEqual(CANON_PLACEMENT.map(norm));
    expect(rows).toHaveLength(15);
  });

  it('verwachte-bevindingen.json lists one finding per deliberate rule break', () => {
    const doc = JSON.parse(readFileSync(fx('verwachte-bevindingen.json'), 'utf8')) as { findings: { rule: string }[] };
    const rules = new Set(doc.findings.map((f) => f.rule));
    for (const rule of ['buiten-periode', 'schoolvakantie', 'overwerk', 'max-uren-dag', 'toekomst', 'niet-ingediend',
      'akkoord-te-laat', 'correctie-open', 'akkoord-verlopen', 'langdurig-ziek', 'uren-achterstand', 'uren-tekort', 'niet-erkend']) {
      expect(rules.has(rule), rule).toBe(true);
    }
  });
});
