// bpv pok through the real CLI: generate, regenerate byte-identically, sign, status, refusals.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, bpv, bpvJson, tempDir } from './helpers.js';

function setup(): string {
  const dir = tempDir();
  for (const [k, v] of Object.entries({
    'school.naam': 'ROC De Heuvelrug', 'school.brin': '25ZZ', 'school.adres': 'Heuvelrugweg 12', 'school.postcode': '3701 AB',
    'school.plaats': 'Zeist', 'school.telefoon': '030 1234567', 'school.email': 'bws@rocdeheuvelrug.nl', 'school.regio': 'midden',
  })) expect(bpv(['config', 'set', k, v], { cwd: dir }).code).toBe(0);
  bpv(['import', 'placements', path.join(FIXTURES, 'plaatsingen.csv')], { cwd: dir });
  bpv(['import', 'recognitions', path.join(FIXTURES, 'erkenningen.csv')], { cwd: dir });
  return dir;
}

describe('bpv pok', () => {
  it('generates, regenerates the same bytes, signs, and reports status in the SPEC shape', () => {
    const dir = setup();
    const gen = bpv(['pok', 'generate', 'P-1001', 'P-1003', '--out', 'uit'], { cwd: dir });
    expect(gen.code, gen.stderr).toBe(0);
    const files = fs.readdirSync(path.join(dir, 'uit')).sort();
    expect(files).toEqual(['POK-2198412-P-1001.pdf', 'POK-2251093-P-1003.pdf']);
    const before = fs.readFileSync(path.join(dir, 'uit', files[0]!));
    expect(bpv(['pok', 'generate', 'P-1001', '--out', 'uit'], { cwd: dir }).stderr).toContain('ongewijzigd');
    expect(fs.readFileSync(path.join(dir, 'uit', files[0]!)).equals(before)).toBe(true);

    expect(bpv(['pok', 'sign', 'P-1003', '--party', 'student'], { cwd: dir }).code).toBe(0);
    // P-1003's student is a minor: a guardian must sign, and ouder is listed last
    let status = bpvJson(['pok', 'status', '--format', 'json'], { cwd: dir });
    const p3 = status.find((s: any) => s.placement === 'P-1003');
    expect(Object.keys(p3).slice(0, 7)).toEqual(['placement', 'version', 'generated', 'required', 'signed', 'fully_signed', 'outdated']);
    expect(p3).toMatchObject({ version: 1, required: ['student', 'leerbedrijf', 'school', 'ouder'], fully_signed: null, outdated: false });
    expect(p3.signed.student).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const party of ['leerbedrijf', 'school', 'ouder']) expect(bpv(['pok', 'sign', 'P-1003', '--party', party], { cwd: dir }).code).toBe(0);
    status = bpvJson(['pok', 'status', '--format', 'json'], { cwd: dir });
    expect(status.find((s: any) => s.placement === 'P-1003').fully_signed).toMatch(/^\d{4}-/);
    expect(status.find((s: any) => s.placement === 'P-1002')).toMatchObject({ version: null, generated: null, fully_signed: null });
    // an adult needs no guardian
    expect(bpv(['pok', 'sign', 'P-1001', '--party', 'ouder'], { cwd: dir }).code).toBe(2);
    expect(bpv(['pok', 'sign', 'P-1002', '--party', 'student'], { cwd: dir }).code).toBe(2);
    const unsigned = bpvJson(['pok', 'status', '--unsigned', '--format', 'json'], { cwd: dir }).map((s: any) => s.placement);
    expect(unsigned).not.toContain('P-1003');
    expect(unsigned).toContain('P-1001');
  });

  it('changed data: outdated, the next generation is a new version whose signatures start empty', () => {
    const dir = setup();
    bpv(['pok', 'generate', 'P-1001', '--out', 'uit'], { cwd: dir });
    for (const party of ['student', 'leerbedrijf', 'school']) bpv(['pok', 'sign', 'P-1001', '--party', party], { cwd: dir });
    // P-1001 agreed more clock hours: 1336 becomes 1400
    const src = fs.readFileSync(path.join(FIXTURES, 'plaatsingen.csv'), 'latin1').replace(';09-07-2027;1336;32;', ';09-07-2027;1400;32;');
    fs.writeFileSync(path.join(dir, 'gewijzigd.csv'), Buffer.from(src, 'latin1'));
    expect(JSON.parse(bpv(['import', 'placements', 'gewijzigd.csv', '--json'], { cwd: dir }).stdout)).toMatchObject({ updated: 1 });
    const outdated = bpvJson(['pok', 'status', '--format', 'json'], { cwd: dir }).find((s: any) => s.placement === 'P-1001');
    expect(outdated).toMatchObject({ version: 1, outdated: true });
    expect(outdated.fully_signed).not.toBeNull();
    // fully signed, but on data that changed: one to chase, as --unsigned's help says
    const chase = (d: string) => bpvJson(['pok', 'status', '--unsigned', '--format', 'json'], { cwd: d }).map((x: any) => x.placement);
    expect(chase(dir)).toContain('P-1001');
    // and the nightly validation says so: the signatures are for 1336 hours
    const pokFinding = (d: string) => bpvJson(['validate', '--placement', 'P-1001', '--rule', 'pok-ongetekend', '--format', 'json'], { cwd: d }).findings;
    expect(pokFinding(dir)).toEqual([expect.objectContaining({ details: expect.objectContaining({ versie: 1, verouderd: true }) })]);
    const all = bpv(['pok', 'generate', '--all', '--out', 'uit'], { cwd: dir });
    expect(all.code).toBe(1); // P-1027's company is not recognised
    expect(all.stderr).toContain('P-1027');
    const now = bpvJson(['pok', 'status', '--format', 'json'], { cwd: dir }).find((s: any) => s.placement === 'P-1001');
    expect(now).toMatchObject({ version: 2, outdated: false, fully_signed: null, signed: { student: null, leerbedrijf: null, school: null } });
    for (const party of ['student', 'leerbedrijf', 'school']) bpv(['pok', 'sign', 'P-1001', '--party', party], { cwd: dir });
    expect(chase(dir)).not.toContain('P-1001');
    expect(pokFinding(dir)).toEqual([]);
    // the CSV for people names the end of a broken-off BPV too, in Dutch dates
    expect(bpv(['placements', 'end', 'P-1001', '--date', '2026-12-18', '--reason', 'overmacht'], { cwd: dir }).code).toBe(0);
    const csv = bpv(['pok', 'status', '--format', 'csv'], { cwd: dir }).stdout.replace(/^\uFEFF/, '').split('\r\n');
    const head = csv[0]!.split(';');
    const row = csv.find((l) => l.startsWith('P-1001;'))!.split(';');
    expect(row[head.indexOf('beeindigd_op')]).toBe('18-12-2026');
    expect(row[head.indexOf('beeindigd_reden')]).toBe('overmacht');
  });

  it('an --out that cannot take the files is said before any version is recorded', () => {
    const dir = setup();
    fs.writeFileSync(path.join(dir, 'een-bestand'), 'x');
    const r = bpv(['pok', 'generate', 'P-1001', '--out', path.join('een-bestand', 'pok')], { cwd: dir });
    expect([r.code, r.stderr.includes("kan de POK's niet opnemen (ENOTDIR)")]).toEqual([2, true]);
    expect(bpvJson(['pok', 'status', '--format', 'json'], { cwd: dir }).find((s: any) => s.placement === 'P-1001').version).toBeNull();
  });

  it('refuses what cannot be made: missing data listed, unknown template fields named, nothing to generate', () => {
    const dir = tempDir();
    bpv(['import', 'placements', path.join(FIXTURES, 'plaatsingen.csv')], { cwd: dir });
    const r = bpv(['pok', 'generate', 'P-1001', '--out', 'uit'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('school.naam');
    expect(r.stderr).toContain('school.brin');
    expect(fs.existsSync(path.join(dir, 'uit', 'POK-2198412-P-1001.pdf'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'sjabloon.md'), '# POK\n\n## Artikel\n\nHallo {{student.schoenmaat}}.\n');
    const t = bpv(['pok', 'generate', 'P-1001', '--template', 'sjabloon.md'], { cwd: dir });
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('student.schoenmaat');
    expect(bpv(['pok', 'generate'], { cwd: dir }).code).toBe(2);
    // an unknown id is a usage error, as for pok sign: nothing is made, not even for the known one
    const unknown = bpv(['pok', 'generate', 'P-1002', 'P-9999', '--out', 'uit2'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Gevraagde plaatsing P-9999 bestaat niet');
    expect(fs.existsSync(path.join(dir, 'uit2'))).toBe(false);
    expect(bpv(['pok', 'sign', 'P-9999', '--party', 'student'], { cwd: dir }).code).toBe(2);
    expect(bpv(['pok', 'generate', 'P-9998', 'P-9999'], { cwd: dir }).stderr).toContain('Gevraagde plaatsingen P-9998 en P-9999 bestaan niet');
  });
});
