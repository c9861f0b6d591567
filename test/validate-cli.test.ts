// bpv validate and the hand commands, through the real CLI on the shipped fixtures.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, bpv, bpvJson, tempDir } from './helpers.js';
import os from 'node:os';

// One prepared database, copied per test that writes.
let base: string;
beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'bpv-validate-'));
  const run = (args: string[]) => expect(bpv(args, { cwd: base }).code).toBeLessThanOrEqual(1);
  run(['config', 'set', 'school.regio', 'midden']);
  for (const [kind, file] of [['placements', 'plaatsingen.csv'], ['placements', 'plaatsingen-utf8.csv'], ['timesheets', 'uren.csv'],
    ['timesheets', 'uren-per-student.csv'], ['recognitions', 'erkenningen.csv']]) run(['import', kind!, path.join(FIXTURES, file!)]);
  return () => fs.rmSync(base, { recursive: true, force: true });
});

function copy(): string {
  const dir = tempDir();
  fs.copyFileSync(path.join(base, 'bpv.db'), path.join(dir, 'bpv.db'));
  return dir;
}

const AS_OF = ['--as-of', '2026-11-24'];
const key = (f: any) => [f.rule, f.placement, f.student, f.date, f.week].join('|');

describe('bpv validate', () => {
  it('finds exactly the rule breaks the fixtures were built with (golden)', () => {
    const r = bpv(['validate', ...AS_OF, '--format', 'json'], { cwd: base });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['as_of', 'findings', 'summary', 'notes']);
    expect(out.as_of).toBe('2026-11-24');
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'verwachte-bevindingen.json'), 'utf8')).findings;
    const got = out.findings.filter((f: any) => f.rule !== 'pok-ongetekend');
    expect(got.map(key)).toEqual(expected.map(key));
    for (const f of out.findings) expect(Object.keys(f)).toEqual(['rule', 'severity', 'placement', 'student', 'date', 'week', 'message', 'details']);
    // no POK was generated: every started placement misses one
    expect(out.findings.filter((f: any) => f.rule === 'pok-ongetekend').length).toBeGreaterThan(30);
    expect(out.summary.error).toBe(out.findings.filter((f: any) => f.severity === 'error').length);
  });

  it('its numbers agree with the timesheets', () => {
    const out = bpvJson(['validate', ...AS_OF, '--format', 'json', '--rule', 'overwerk'], { cwd: base });
    expect(out.findings).toHaveLength(1);
    const f = out.findings[0];
    const hours = bpvJson(['hours', 'list', '--placement', f.placement, '--from', '2026-11-02', '--to', '2026-11-08', '--json'], { cwd: base });
    expect(f.week).toBe('2026-W45');
    expect(f.details.gewerkt).toBe(hours.filter((h: any) => h.soort === 'gewerkt').reduce((s: number, h: any) => s + h.uren, 0));
  });

  it('exit codes follow --fail-on; unknown rules and missing databases are refused', () => {
    expect(bpv(['validate', ...AS_OF, '--fail-on', 'never'], { cwd: base }).code).toBe(0);
    expect(bpv(['validate', ...AS_OF, '--rule', 'langdurig-ziek'], { cwd: base }).code).toBe(0);
    expect(bpv(['validate', ...AS_OF, '--rule', 'langdurig-ziek', '--fail-on', 'warning'], { cwd: base }).code).toBe(1);
    expect(bpv(['validate', ...AS_OF, '--rule', 'bestaat-niet'], { cwd: base }).code).toBe(2);
    expect(bpv(['validate', '--as-of', '31-02-2026'], { cwd: base }).code).toBe(2);
    // a mistyped id is refused, not answered with "no findings"
    const typo = bpv(['validate', ...AS_OF, '--placement', 'P-1001', '--placement', 'P-9999'], { cwd: base });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('P-9999');
    expect(typo.stderr).not.toContain('P-1001');
    // and so is a mistyped praktijkopleider
    const po = bpv(['validate', ...AS_OF, '--praktijkopleider', 'niemand@x.nl'], { cwd: base });
    expect([po.code, po.stdout]).toEqual([2, '']);
    expect(po.stderr).toContain('"niemand@x.nl" is geen praktijkopleider van een plaatsing');
    // a placement of another praktijkopleider: no findings would read as "none"
    const p1 = bpvJson(['placements', 'show', 'P-1001', '--json'], { cwd: base });
    const other = bpvJson(['placements', 'list', '--json'], { cwd: base }).find((p: any) => p.email_praktijkopleider !== p1.email_praktijkopleider).email_praktijkopleider;
    const mixed = bpv(['validate', ...AS_OF, '--placement', 'P-1001', '--praktijkopleider', other], { cwd: base });
    expect([mixed.code, mixed.stdout]).toEqual([2, '']);
    expect(mixed.stderr).toContain(`P-1001 is geen plaatsing van praktijkopleider ${other}`);
    expect(bpv(['validate', ...AS_OF, '--placement', 'P-1001', '--praktijkopleider', p1.email_praktijkopleider], { cwd: base }).code).toBeLessThanOrEqual(1);
    const list = bpv(['placements', 'list', '--praktijkopleider', 'niemand@x.nl', '--json'], { cwd: base });
    expect([list.code, list.stdout]).toEqual([2, '']);
    expect(list.stderr).toContain('"niemand@x.nl" is geen praktijkopleider van een plaatsing');
    // and an empty date range
    const range = bpv(['validate', ...AS_OF, '--from', '2026-11-30', '--to', '01-11-2026'], { cwd: base });
    expect([range.code, range.stderr.trim()]).toEqual([2, 'bpv: --from 2026-11-30 ligt na --to 01-11-2026: dat bereik is leeg']);
    const dir = tempDir();
    expect(bpv(['validate'], { cwd: dir, env: { BPV_DB: path.join(dir, 'typo.db') } }).code).toBe(3);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('filters: --placement, --praktijkopleider, --from/--to (placement findings stay)', () => {
    const one = bpvJson(['validate', ...AS_OF, '--format', 'json', '--placement', 'P-1002'], { cwd: base });
    expect(new Set(one.findings.map((f: any) => f.placement))).toEqual(new Set(['P-1002']));
    const ranged = bpvJson(['validate', ...AS_OF, '--format', 'json', '--from', '2026-11-01', '--to', '2026-11-30'], { cwd: base });
    for (const f of ranged.findings) {
      if (f.date) expect(f.date >= '2026-11-01' && f.date <= '2026-11-30').toBe(true);
    }
    expect(ranged.findings.some((f: any) => f.rule === 'langdurig-ziek')).toBe(true); // a placement finding from October stays
    expect(ranged.findings.some((f: any) => f.rule === 'max-uren-dag' && f.date === '2026-10-14')).toBe(false);
  });

  it('CSV for Dutch Excel and rfc4180 for programs', () => {
    const r = bpv(['validate', ...AS_OF, '--format', 'csv', '--rule', 'max-uren-dag'], { cwd: base });
    expect(r.stdout.startsWith('\uFEFFregel;ernst;plaatsing;student;datum;week;melding;details\r\n')).toBe(true);
    expect(r.stdout).toContain('max-uren-dag;error;P-1001;2198412;14-10-2026;;');
    const rfc = bpv(['validate', ...AS_OF, '--format', 'csv', '--rule', 'max-uren-dag', '--csv-dialect', 'rfc4180'], { cwd: base });
    expect(rfc.stdout).toContain('max-uren-dag,error,P-1001,2198412,2026-10-14,,');
    // the rules that could not run are said beside the CSV, which has no place for them
    const dir = tempDir();
    expect(bpv(['import', 'placements', path.join(FIXTURES, 'plaatsingen.csv')], { cwd: dir }).code).toBe(0);
    const bare = bpv(['validate', ...AS_OF, '--format', 'csv', '--fail-on', 'never'], { cwd: dir });
    expect(bare.code).toBe(0);
    expect(bare.stderr).toContain('Regel schoolvakantie is overgeslagen');
    expect(bare.stdout).not.toContain('overgeslagen');
  });

  it('the table is for people: grouped by placement with the student name', () => {
    const r = bpv(['validate', ...AS_OF, '--placement', 'P-1001'], { cwd: base });
    expect(r.stdout).toContain('P-1001  student 2198412  Noël Peeters');
    expect(r.stdout).toMatch(/max-uren-dag\s+14-10-2026\s+13 uur gewerkt/);
    expect(r.stdout).toMatch(/^\s+fout\s+max-uren-dag/m);
    expect(r.stdout).toMatch(/\d+ fout\(en\), \d+ waarschuwing\(en\), \d+ info — peildatum \d\d-\d\d-\d{4}/);
    // in English all of it but the rule codes, which are names
    const en = bpv(['--lang', 'en', 'validate', ...AS_OF, '--placement', 'P-1001'], { cwd: base });
    expect(en.stdout).toMatch(/^\s+error\s+max-uren-dag/m);
    expect(en.stdout).toMatch(/\d+ error\(s\), \d+ warning\(s\), \d+ info — as of \d{4}-\d\d-\d\d/);
    expect(en.stdout).not.toMatch(/fout|waarschuwing|peildatum/);
  });
});

describe('hours approve | correct, placements end', () => {
  it('of a week across the end of the period only the days inside it are approved', () => {
    const dir = copy();
    const w43 = () => bpvJson(['hours', 'list', '--placement', 'P-1013', '--from', '2026-10-19', '--to', '2026-10-25', '--json'], { cwd: dir });
    const days = w43().map((e: any) => e.datum);
    expect(days.length).toBeGreaterThan(1);
    // broken off after the week's first day with hours
    expect(bpv(['placements', 'end', 'P-1013', '--date', days[0], '--reason', 'anders'], { cwd: dir }).code).toBe(0);
    expect(bpv(['hours', 'approve', 'P-1013', '--week', '2026-W43', '--on', '2026-10-27'], { cwd: dir }).code).toBe(0);
    for (const e of w43()) expect([e.datum, e.status]).toEqual([e.datum, e.datum <= days[0] ? 'goedgekeurd' : 'ingediend']);
  });

  it('approving a late week on its deadline Monday is on time; a week ended 31+ days ago cannot be approved', () => {
    const dir = copy();
    const late = (d: string) => bpvJson(['validate', ...AS_OF, '--format', 'json', '--rule', 'akkoord-te-laat', '--placement', 'P-1013'], { cwd: d }).findings;
    expect(late(dir).map((f: any) => f.week)).toEqual(['2026-W42', '2026-W43']);
    // dated before the hours it approves (a typo): refused, which would otherwise hide the lateness
    const early = bpv(['hours', 'approve', 'P-1013', '--week', '2026-W42', '--on', '2026-09-01'], { cwd: dir });
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('--on 01-09-2026 ligt vóór de uren die het goedkeurt');
    expect(late(dir).map((f: any) => f.week)).toEqual(['2026-W42', '2026-W43']);
    const ok = bpv(['hours', 'approve', 'P-1013', '--week', '2026-W42', '--on', '2026-10-19', '--by', 'Sanne'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('goedgekeurd');
    expect(late(dir).map((f: any) => f.week)).toEqual(['2026-W43']);
    // an empty --by is no name: the praktijkopleider, as without it
    bpv(['hours', 'approve', 'P-1013', '--week', '2026-W43', '--on', '2026-10-27', '--by', ''], { cwd: dir });
    const approvers = bpvJson(['hours', 'list', '--placement', 'P-1013', '--json'], { cwd: dir })
      .filter((e: any) => e.datum >= '2026-10-19' && e.datum <= '2026-10-25').map((e: any) => e.goedgekeurd_door);
    expect(approvers.length).toBeGreaterThan(0);
    const po = bpvJson(['placements', 'show', 'P-1013', '--json'], { cwd: dir }).praktijkopleider;
    expect(po).toBeTruthy();
    for (const a of approvers) expect(a).toBe(po);
    expect(late(dir)).toEqual([expect.objectContaining({ week: '2026-W43', details: expect.objectContaining({ laatst_goedgekeurd_op: '2026-10-27' }) })]);
    // P-1032 ended on 2026-10-09: approval possible up to 2026-11-08
    const refused = bpv(['hours', 'approve', 'P-1032', '--week', '2026-W41', '--on', '2026-11-09'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('akkoord-verlopen');
    expect(bpv(['hours', 'approve', 'P-1032', '--week', '2026-W41', '--on', '2026-11-08'], { cwd: dir }).code).toBe(0);
    expect(bpv(['hours', 'approve', 'P-1013', '--week', '2026-W99'], { cwd: dir }).code).toBe(2);
    // a week outside the period holds no BPV hours to approve
    const outside = bpv(['hours', 'approve', 'P-1013', '--week', '2025-W02', '--on', '2026-11-20'], { cwd: dir });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('2025-W02 valt buiten de BPV-periode van P-1013');
  });

  it('a correction asked shows as correctie-open once a week has passed', () => {
    const dir = copy();
    expect(bpv(['hours', 'correct', 'P-1001', '--week', '2026-W45', '--note', 'maandag klopt niet'], { cwd: dir }).code).toBe(0);
    const hours = bpvJson(['hours', 'list', '--placement', 'P-1001', '--from', '2026-11-02', '--to', '2026-11-08', '--json'], { cwd: dir });
    expect(new Set(hours.map((h: any) => h.status))).toEqual(new Set(['correctie']));
    const f = bpvJson(['validate', ...AS_OF, '--format', 'json', '--rule', 'correctie-open', '--placement', 'P-1001'], { cwd: dir }).findings;
    expect(f.map((x: any) => x.week)).toEqual(['2026-W45']);
    expect(bpv(['hours', 'correct', 'P-1001'], { cwd: dir }).code).toBe(2);
  });

  it('ending a placement early sets its effective end and takes uren-tekort away', () => {
    const dir = copy();
    const tekort = (d: string) => bpvJson(['validate', '--as-of', '2027-03-01', '--format', 'json', '--rule', 'uren-tekort', '--placement', 'P-1003'], { cwd: d }).findings;
    expect(tekort(dir)).toHaveLength(1);
    const r = bpv(['placements', 'end', 'P-1003', '--date', '2026-11-20', '--reason', 'overmacht', '--note', 'bedrijf gesloten'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(bpvJson(['placements', 'show', 'P-1003', '--json'], { cwd: dir })).toMatchObject({ effectieve_einddatum: '2026-11-20', beeindigd_reden: 'overmacht', einddatum: '2027-01-29' });
    expect(tekort(dir)).toEqual([]);
    expect(bpv(['placements', 'end', 'P-1003', '--date', '2026-11-20', '--reason', 'ruzie'], { cwd: dir }).code).toBe(2);
    expect(bpv(['placements', 'end', 'P-1003', '--date', '2020-01-01', '--reason', 'anders'], { cwd: dir }).code).toBe(2);
  });
});
