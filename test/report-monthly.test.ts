// bpv report monthly through the real CLI on the shipped fixtures: its numbers must reconcile
// exactly with `bpv hours list` and its findings with `bpv validate` (SPEC §6).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AS_OF, DEMO_SCHOOL } from '../src/cli/demo-run.js';
import { FIXTURES, bpv, bpvJson, tempDir } from './helpers.js';
import { pdfPages } from './pok/helpers.js';

// the demo's school and day: the fixtures describe the school year as it stood then
const AS_OF = DEMO_AS_OF;
const SCHOOL = DEMO_SCHOOL;

let base: string;
beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'bpv-report-'));
  const run = (args: string[]) => {
    const r = bpv(args, { cwd: base });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBeLessThanOrEqual(1);
  };
  for (const [k, v] of Object.entries(SCHOOL)) run(['config', 'set', k, v]);
  for (const [kind, file] of [['placements', 'plaatsingen.csv'], ['placements', 'plaatsingen-utf8.csv'], ['timesheets', 'uren.csv'],
    ['timesheets', 'uren-per-student.csv'], ['recognitions', 'erkenningen.csv']]) run(['import', kind!, path.join(FIXTURES, file!)]);
  // one POK generated and signed by everyone, one generated and left unsigned
  run(['pok', 'generate', 'P-1016', 'P-1017', '--out', path.join(base, 'pok')]);
  for (const party of ['student', 'ouder', 'leerbedrijf', 'school']) run(['pok', 'sign', 'P-1016', '--party', party]);
  return () => fs.rmSync(base, { recursive: true, force: true });
});

function copy(): string {
  const dir = tempDir();
  fs.copyFileSync(path.join(base, 'bpv.db'), path.join(dir, 'bpv.db'));
  return dir;
}

const report = (month: string, cwd = base, extra: string[] = []): any[] =>
  bpvJson(['report', 'monthly', '--month', month, '--as-of', AS_OF, '--format', 'json', ...extra], { cwd });

/** ISO week `YYYY-Www` of an ISO date, computed here independently of the program. */
function isoWeek(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const wd = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(d.getTime() + (3 - wd) * 86_400_000);
  const y = thursday.getUTCFullYear();
  const n = Math.floor((thursday.getTime() - Date.UTC(y, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${y}-W${String(n).padStart(2, '0')}`;
}

// hours are kept to 1/10000 hour: the report must add up to that, not to the hundredth
const units = (h: number) => Math.round(h * 10000);
const SOORTEN = ['gewerkt', 'ziek', 'afwezig', 'verlof'] as const;

describe('bpv report monthly: reconciliation', () => {
  for (const month of ['2026-09', '2026-10', '2026-11']) {
    it(`${month}: every number is a sum over bpv hours list, every finding one of bpv validate`, () => {
      const [y, m] = month.split('-').map(Number) as [number, number];
      const first = `${month}-01`;
      const last = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
      const hours: any[] = bpvJson(['hours', 'list', '--json'], { cwd: base });
      const placements: any[] = bpvJson(['placements', 'list', '--json'], { cwd: base });
      const reports = report(month);

      // exactly the placements whose (effective) period overlaps the month, each under its PO
      const expected = placements.filter((p) => p.startdatum <= last && p.effectieve_einddatum >= first);
      const got = reports.flatMap((r) => r.placements.map((p: any) => ({ id: p.placement, po: r.praktijkopleider.email })));
      expect(got.map((g) => g.id).sort()).toEqual(expected.map((p) => p.plaatsing_id).sort());
      for (const g of got) expect(g.po).toBe(expected.find((p) => p.plaatsing_id === g.id).email_praktijkopleider);
      expect(reports.map((r) => r.praktijkopleider.email)).toEqual([...reports.map((r) => r.praktijkopleider.email)].sort());

      for (const r of reports) {
        expect(r.month).toBe(month);
        for (const p of r.placements) {
          const pl = expected.find((x) => x.plaatsing_id === p.placement);
          const lo = pl.startdatum > first ? pl.startdatum : first;
          const hi = pl.effectieve_einddatum < last ? pl.effectieve_einddatum : last;
          const mine = hours.filter((h) => h.plaatsing_id === p.placement);
          const inMonth = mine.filter((h) => h.datum >= lo && h.datum <= hi);
          for (const s of SOORTEN) {
            expect(units(p.totals[s]), `${p.placement} ${s}`).toBe(inMonth.filter((h) => h.soort === s).reduce((a, h) => a + units(h.uren), 0));
          }
          // the weeks: every ISO week from lo to hi, each with the sums of its days in the month
          const weeks = [...new Set(Array.from({ length: (Date.parse(hi) - Date.parse(lo)) / 86_400_000 + 1 },
            (_, i) => isoWeek(new Date(Date.parse(lo) + i * 86_400_000).toISOString().slice(0, 10))))];
          expect(p.weeks.map((w: any) => w.week)).toEqual(weeks);
          for (const w of p.weeks) {
            const days = inMonth.filter((h) => isoWeek(h.datum) === w.week);
            for (const s of SOORTEN) expect(units(w[s]), `${p.placement} ${w.week} ${s}`).toBe(days.filter((h) => h.soort === s).reduce((a, h) => a + units(h.uren), 0));
            const rank = ['correctie', 'concept', 'ingediend', 'goedgekeurd'];
            const least = days.length ? rank[Math.min(...days.map((h) => rank.indexOf(h.status)))] : 'leeg';
            expect(w.status).toBe(least === 'ingediend' ? 'wacht-op-akkoord' : least);
          }
          const approved = mine.filter((h) => h.soort === 'gewerkt' && h.status === 'goedgekeurd' && h.datum >= pl.startdatum && h.datum <= hi);
          expect(units(p.goedgekeurd_tot_maandeinde), p.placement).toBe(approved.reduce((a, h) => a + units(h.uren), 0));
          expect(p.uren_totaal).toBe(pl.uren_totaal);
          expect(p.percentage).toBe(Math.round((p.goedgekeurd_tot_maandeinde / p.uren_totaal) * 1000) / 10);
        }
      }

      // findings: those of validate (same as-of) whose day or week overlaps the month, and the
      // placement findings, of the placements in the report — the same rule on the same week
      const monday = (w: string) => {
        const [wy, wn] = [Number(w.slice(0, 4)), Number(w.slice(6))];
        const jan4 = Date.UTC(wy, 0, 4);
        return new Date(jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (wn - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
      };
      const plus6 = (d: string) => new Date(Date.parse(d) + 6 * 86_400_000).toISOString().slice(0, 10);
      const inReport = new Set(got.map((g) => g.id));
      const validated = bpvJson(['validate', '--as-of', AS_OF, '--format', 'json'], { cwd: base }).findings.filter((f: any) =>
        inReport.has(f.placement) &&
        (f.date ? f.date >= first && f.date <= last : f.week ? monday(f.week) <= last && plus6(monday(f.week)) >= first : true));
      // reports go by praktijkopleider; within a placement the validator's order stays
      const byPlacement = (a: any, b: any) => (a.placement < b.placement ? -1 : a.placement > b.placement ? 1 : 0);
      const reported = reports.flatMap((r) => r.placements.flatMap((p: any) => p.findings)).sort(byPlacement);
      expect(reported).toEqual(validated);
      expect(reported.length).toBeGreaterThan(0);
    });
  }

  it('the JSON has the keys of SPEC §6, in its order, and the effective end after einddatum', () => {
    const [r] = report('2026-11', base, ['--praktijkopleider', 'd.visser@bitwerk.nl']);
    expect(Object.keys(r)).toEqual(['month', 'praktijkopleider', 'placements']);
    expect(Object.keys(r.praktijkopleider)).toEqual(['naam', 'email']);
    const p = r.placements[0];
    expect(Object.keys(p)).toEqual(['placement', 'student', 'naam', 'opleiding', 'startdatum', 'einddatum', 'effectieve_einddatum', 'beeindigd_reden', 'uren_per_week', 'pok',
      'weeks', 'totals', 'goedgekeurd_tot_maandeinde', 'uren_totaal', 'percentage', 'findings', 'actions']);
    expect(Object.keys(p.weeks[0])).toEqual(['week', 'gewerkt', 'ziek', 'afwezig', 'verlof', 'status']);
    expect(Object.keys(p.totals)).toEqual(['gewerkt', 'ziek', 'afwezig', 'verlof']);
    for (const f of p.findings) expect(Object.keys(f)).toEqual(['rule', 'severity', 'placement', 'student', 'date', 'week', 'message', 'details']);
  });
});

describe('bpv report monthly: weeks, statuses, actions, POK', () => {
  it('a week spanning two months counts only its days inside each month', () => {
    // 2026-W40 runs Monday 28 September to Sunday 4 October; P-1001 works Monday to Thursday
    const week = (month: string) => report(month).flatMap((r) => r.placements).find((p) => p.placement === 'P-1001').weeks.find((w: any) => w.week === '2026-W40');
    const hours: any[] = bpvJson(['hours', 'list', '--placement', 'P-1001', '--from', '2026-09-28', '--to', '2026-10-04', '--json'], { cwd: base });
    const sum = (from: string, to: string) => hours.filter((h) => h.soort === 'gewerkt' && h.datum >= from && h.datum <= to).reduce((a, h) => a + h.uren, 0);
    expect(week('2026-09').gewerkt).toBe(sum('2026-09-28', '2026-09-30'));
    expect(week('2026-10').gewerkt).toBe(sum('2026-10-01', '2026-10-04'));
    expect(week('2026-09').gewerkt).toBe(24);
    expect(week('2026-10').gewerkt).toBe(8);
  });

  it('hours to 1/10000 add up exactly: weeks, totals and hours list (0,3333 three times is 0,9999)', async () => {
    const dir = copy();
    const csv = ['plaatsing_id,datum,uren,soort,status', 'P-1001,2026-12-01,"0,3333",gewerkt,ingediend', 'P-1001,2026-12-02,"0,3333",gewerkt,ingediend',
      'P-1001,2026-12-03,"0,3333",gewerkt,ingediend', 'P-1001,2026-12-08,"0,005",gewerkt,ingediend', 'P-1001,2026-12-15,"0,005",gewerkt,ingediend'].join('\n');
    fs.writeFileSync(path.join(dir, 'min.csv'), csv + '\n');
    expect(bpv(['import', 'timesheets', 'min.csv'], { cwd: dir }).code).toBe(0);
    const p = report('2026-12', dir, ['--praktijkopleider', 'm.vanderveen@zorggroepdelinde.nl'])[0].placements.find((x: any) => x.placement === 'P-1001');
    expect(p.weeks.slice(0, 3).map((w: any) => w.gewerkt)).toEqual([0.9999, 0.005, 0.005]);
    expect(p.totals.gewerkt).toBe(1.0099);
    const listed = bpvJson(['hours', 'list', '--placement', 'P-1001', '--from', '2026-12-01', '--to', '2026-12-31', '--json'], { cwd: dir });
    expect(units(p.totals.gewerkt)).toBe(listed.filter((h: any) => h.soort === 'gewerkt').reduce((a: number, h: any) => a + units(h.uren), 0));
    // the CSV and the PDF say the same
    for (const format of ['csv', 'pdf']) {
      expect(bpv(['report', 'monthly', '--month', '2026-12', '--as-of', AS_OF, '--format', format, '--out', 'r', '--praktijkopleider', 'm.vanderveen@zorggroepdelinde.nl'], { cwd: dir }).code).toBe(0);
    }
    expect(fs.readFileSync(path.join(dir, 'r', '2026-12-m.vanderveen@zorggroepdelinde.nl.csv'), 'utf8')).toContain(';0,9999;');
    const text = (await pdfPages(fs.readFileSync(path.join(dir, 'r', '2026-12-m.vanderveen@zorggroepdelinde.nl.pdf')))).map((pg) => pg.text).join('\n');
    expect(text).toContain('0,9999');
    expect(text).toContain('1,0099');
  });

  // the validator's notes in a report are about the report's placements: an old placement
  // without a date of birth was named under every month's report
  it('the notes on stderr are about the placements in the report only', () => {
    const dir = copy();
    const text = fs.readFileSync(path.join(FIXTURES, 'plaatsingen-utf8.csv'), 'utf8').replace(/^\uFEFF/, '');
    const header = text.split('\n')[0]!;
    const cols = header.split(',');
    const cell: Record<string, string> = {
      plaatsing_id: 'OUD-1', studentnummer: '1999001', voornaam: 'Oud', achternaam: 'Student', opleiding: 'Kok', crebo: '25180', niveau: '2',
      leerweg: 'BOL', leerbedrijf: 'Oud B.V.', kvk: '12345678', praktijkopleider: 'Piet Oud', email_praktijkopleider: 'piet@oud.nl',
      startdatum: '2025-01-06', einddatum: '2025-03-28', uren_totaal: '400', uren_per_week: '32',
    };
    fs.writeFileSync(path.join(dir, 'oud.csv'), `${header}\n${cols.map((c) => cell[c] ?? '').join(',')}\n`);
    expect(bpv(['import', 'placements', 'oud.csv'], { cwd: dir }).code).toBe(0);
    // validate of everything names it (on stdout, after its findings)
    expect(bpv(['validate', '--as-of', AS_OF], { cwd: dir }).stdout).toContain('geen geboortedatum (OUD-1)');
    for (const format of ['json', 'pdf']) {
      const r = bpv(['report', 'monthly', '--month', '2026-11', '--as-of', AS_OF, '--format', format, '--out', 'r'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('OUD-1');
    }
  });

  it('a week\'s status is the least advanced of its entries inside the month', () => {
    const dir = copy();
    const status = (month: string, w: string) =>
      report(month, dir, ['--praktijkopleider', 'm.vanderveen@zorggroepdelinde.nl']).flatMap((r) => r.placements)
        .find((p) => p.placement === 'P-1001').weeks.find((x: any) => x.week === w).status;
    const add = (rows: string[][]) => {
      const csv = ['plaatsing_id,datum,uren,soort,status,ingediend_op,goedgekeurd_op', ...rows.map((r) => r.join(','))].join('\n');
      fs.writeFileSync(path.join(dir, 'extra.csv'), csv + '\n');
      expect(bpv(['import', 'timesheets', 'extra.csv'], { cwd: dir }).code).toBe(0);
    };
    expect(status('2026-11', '2026-W48')).toBe('leeg');
    add([['P-1001', '2026-11-23', '8', 'gewerkt', 'goedgekeurd', '2026-11-23', '2026-11-24'], ['P-1001', '2026-11-23', '1', 'verlof', 'goedgekeurd', '2026-11-23', '2026-11-24']]);
    expect(status('2026-11', '2026-W48')).toBe('goedgekeurd');
    add([['P-1001', '2026-11-24', '8', 'gewerkt', 'ingediend', '2026-11-24', '']]);
    expect(status('2026-11', '2026-W48')).toBe('wacht-op-akkoord');
    add([['P-1001', '2026-11-25', '8', 'ziek', 'concept', '', '']]);
    expect(status('2026-11', '2026-W48')).toBe('concept');
    // what was submitted waits for the praktijkopleider while another entry is still concept (as
    // akkoord-te-laat says): to approve in this month's report, not only in the next one's
    const toApprove = (month: string) => report(month, dir, ['--praktijkopleider', 'm.vanderveen@zorggroepdelinde.nl'])[0].placements
      .find((p: any) => p.placement === 'P-1001').actions.filter((a: string) => a.startsWith('Uren goedkeuren')).join();
    expect(toApprove('2026-11')).toContain('2026-W48');
    expect(toApprove('2026-12')).toContain('2026-W48');
    add([['P-1001', '2026-11-26', '8', 'gewerkt', 'correctie', '2026-11-26', '']]);
    expect(status('2026-11', '2026-W48')).toBe('correctie');
    // 2026-W49 is Monday 30 November to Sunday 6 December: each month sees only its own days
    add([['P-1001', '2026-11-30', '8', 'gewerkt', 'goedgekeurd', '2026-11-30', '2026-12-04'], ['P-1001', '2026-12-01', '8', 'gewerkt', 'correctie', '2026-12-01', '']]);
    expect(status('2026-11', '2026-W49')).toBe('goedgekeurd');
    expect(status('2026-12', '2026-W49')).toBe('correctie');
    const nov = report('2026-11', dir, ['--praktijkopleider', 'm.vanderveen@zorggroepdelinde.nl'])[0].placements.find((p: any) => p.placement === 'P-1001');
    expect(nov.actions.some((a: string) => a.startsWith('Correctie open in week 48'))).toBe(true);
    // with a correction open the week is not also to approve
    expect(toApprove('2026-11')).not.toContain('2026-W48');
    // W49's correction is on 1 December: November's report, which shows its Monday only, says
    // it all the same, and does not ask to approve the week (found by a helper)
    expect(nov.actions.filter((a: string) => a.startsWith('Correctie open')).join()).toContain('2026-W49');
    add([['P-1001', '2026-11-30', '3', 'verlof', 'ingediend', '2026-11-30', '']]);
    expect(toApprove('2026-11')).not.toContain('2026-W49');
    // an October week with one entry submitted and one sent back: in November's actions once,
    // as its least advanced entry, a correction
    add([['P-1001', '2026-10-30', '2', 'verlof', 'ingediend', '2026-10-30', ''], ['P-1001', '2026-10-31', '2', 'verlof', 'correctie', '2026-10-31', '']]);
    const again = report('2026-11', dir, ['--praktijkopleider', 'm.vanderveen@zorggroepdelinde.nl'])[0].placements.find((p: any) => p.placement === 'P-1001');
    expect(again.actions.filter((a: string) => a.includes('2026-W44'))).toEqual([expect.stringMatching(/^Correctie open in week 44/)]);
  });

  it('actions: weeks to approve, corrections open, the final assessment', () => {
    const oct = report('2026-10').flatMap((r) => r.placements);
    expect(oct.find((p) => p.placement === 'P-1013').actions).toEqual([expect.stringMatching(/^Uren goedkeuren van week 42 en 43 \(2026-W42, 2026-W43\)/)]);
    const nov = report('2026-11').flatMap((r) => r.placements);
    expect(nov.find((p) => p.placement === 'P-1018').actions).toEqual([expect.stringMatching(/^Correctie open in week 45/)]);
    // October's weeks still waiting are still to do in November (they were never approved)
    expect(nov.find((p) => p.placement === 'P-1013').actions[0]).toMatch(/^Uren goedkeuren van week 42 en 43 \(2026-W42, 2026-W43\)/);
    // the same from the report of one praktijkopleider (its own query)
    const po = nov.find((p) => p.placement === 'P-1013');
    const one = report('2026-11', base, ['--praktijkopleider', bpvJson(['placements', 'show', 'P-1013', '--json'], { cwd: base }).email_praktijkopleider])
      .flatMap((r) => r.placements).find((p: any) => p.placement === 'P-1013');
    expect(one.actions).toEqual(po.actions);
    // P-1007 ends on 18 December: within 30 days after the month
    expect(nov.find((p) => p.placement === 'P-1007').actions).toEqual(['Eindbeoordeling plannen: de BPV eindigt op 18-12-2026']);
    // P-1032 ended on 9 October; in October that is this month's end of the BPV
    // its week 41 still waits, but on 24 November (more than 30 days after the end) it can no longer
    // be approved: no action to approve it (the akkoord-verlopen finding says why)
    expect(oct.find((p) => p.placement === 'P-1032').actions).toEqual(['Eindbeoordeling plannen: de BPV eindigde op 09-10-2026']);
    const early = bpvJson(['report', 'monthly', '--month', '2026-10', '--as-of', '2026-10-20', '--format', 'json'], { cwd: base })
      .flatMap((r: any) => r.placements).find((p: any) => p.placement === 'P-1032');
    expect(early.actions[0]).toMatch(/^Uren goedkeuren van week 41/);
    expect(nov.find((p) => p.placement === 'P-1032')).toBeUndefined();
    const en = bpvJson(['report', 'monthly', '--month', '2026-11', '--as-of', AS_OF, '--format', 'json', '--lang', 'en'], { cwd: base })
      .flatMap((r: any) => r.placements).find((p: any) => p.placement === 'P-1007');
    expect(en.actions).toEqual(['Plan the final assessment: the BPV ends on 2026-12-18']);
  });

  it('a BPV broken off shows its end and reason; the POK state comes from the POK module', () => {
    const dir = copy();
    expect(bpv(['placements', 'end', 'P-1003', '--date', '2026-11-20', '--reason', 'overmacht'], { cwd: dir }).code).toBe(0);
    const nov = report('2026-11', dir).flatMap((r) => r.placements);
    const p = nov.find((x) => x.placement === 'P-1003');
    expect(p.einddatum).toBe('2027-01-29');
    expect([p.effectieve_einddatum, p.beeindigd_reden]).toEqual(['2026-11-20', 'overmacht']);
    expect(nov.find((x) => x.placement === 'P-1001')).toMatchObject({ effectieve_einddatum: '2027-07-09', beeindigd_reden: null });
    expect(p.weeks.at(-1).week).toBe('2026-W47');
    expect(p.actions).toContain('Eindbeoordeling plannen: de BPV is voortijdig beëindigd op 20-11-2026 (overmacht)');
    expect(nov.find((x) => x.placement === 'P-1016').pok).toBe('getekend');
    expect(nov.find((x) => x.placement === 'P-1017').pok).toBe('ongetekend');
    expect(nov.find((x) => x.placement === 'P-1001').pok).toBe('ontbreekt');
    expect(bpv(['pok', 'status', '--format', 'json'], { cwd: dir }).code).toBe(0);
  });

  it('the percentage has one decimal and is not capped at 100', () => {
    const dir = tempDir({
      'p.csv': 'plaatsing_id,studentnummer,voornaam,achternaam,crebo,niveau,leerweg,leerbedrijf,kvk,praktijkopleider,email_praktijkopleider,startdatum,einddatum,uren_totaal,uren_per_week\n' +
        'X-1,1234567,Kim,Bos,25604,2,BOL,Bitwerk,07310294,Daan Visser,d.visser@bitwerk.nl,2026-11-02,2026-11-27,30,24\n',
      't.csv': 'plaatsing_id,datum,uren,status,goedgekeurd_op\n' +
        ['02', '03', '04', '05'].map((d) => `X-1,2026-11-${d},8.33,goedgekeurd,2026-11-09`).join('\n') + '\n',
    });
    expect(bpv(['import', 'placements', 'p.csv'], { cwd: dir }).code).toBe(0);
    expect(bpv(['import', 'timesheets', 't.csv'], { cwd: dir }).code).toBe(0);
    const [r] = report('2026-11', dir);
    // 4 × 8,33 = 33,32 exactly, of 30: 111,07%
    expect(r.placements[0].goedgekeurd_tot_maandeinde).toBe(33.32);
    expect(r.placements[0].totals.gewerkt).toBe(33.32);
    expect(r.placements[0].percentage).toBe(111.1);
  });
});

describe('bpv report monthly: files', () => {
  it('CSV for Dutch Excel: BOM, ;, DD-MM-YYYY, decimal comma; a row per placement-week; index.csv for the mail merge', () => {
    const dir = tempDir();
    const r = bpv(['report', 'monthly', '--month', '2026-11', '--as-of', AS_OF, '--format', 'csv', '--out', path.join(dir, 'out'), '--db', path.join(base, 'bpv.db')], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const files = fs.readdirSync(path.join(dir, 'out')).sort();
    expect(files).toContain('index.csv');
    expect(files).toContain('2026-11-s.deboer@hetzonnetje.nl.csv');
    const sanne = fs.readFileSync(path.join(dir, 'out', '2026-11-s.deboer@hetzonnetje.nl.csv'), 'utf8');
    expect(sanne.startsWith('\uFEFFplaatsing;studentnummer;naam;opleiding;leerbedrijf;startdatum;einddatum;beeindigd_op;beeindigd_reden;week;van;tot_en_met;gewerkt;ziek;afwezig;verlof;status;uren_per_week;goedgekeurd_tot_maandeinde;uren_totaal;percentage\r\n')).toBe(true);
    // P-1020 works 22,5 h a week in days of 7,5 h
    expect(sanne).toMatch(/\r\nP-1020;[^\r]*;2026-W46;09-11-2026;15-11-2026;22,5;0;0;0;goedgekeurd;22,5;[\d,]+;412,5;[\d,]+\r\n/);
    const json = report('2026-11', base, ['--praktijkopleider', 's.deboer@hetzonnetje.nl'])[0];
    expect(sanne.trimEnd().split('\r\n')).toHaveLength(1 + json.placements.reduce((n: number, p: any) => n + p.weeks.length, 0));

    const index = fs.readFileSync(path.join(dir, 'out', 'index.csv'), 'utf8');
    const lines = index.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFFpraktijkopleider;email;leerbedrijf;studenten;bestand');
    // Sanne de Boer supervises at two companies: the row names both
    expect(lines).toContain('Sanne de Boer;s.deboer@hetzonnetje.nl;BSO De Speelwerf B.V., Kinderopvang Het Zonnetje B.V.;10;2026-11-s.deboer@hetzonnetje.nl.csv');
    expect(lines).toHaveLength(1 + files.length - 1);

    const rfc = bpv(['report', 'monthly', '--month', '2026-11', '--as-of', AS_OF, '--format', 'csv', '--csv-dialect', 'rfc4180', '--out', path.join(dir, 'rfc'), '--db', path.join(base, 'bpv.db')], { cwd: dir });
    expect(rfc.code).toBe(0);
    const plain = fs.readFileSync(path.join(dir, 'rfc', '2026-11-s.deboer@hetzonnetje.nl.csv'), 'utf8');
    expect(plain.startsWith('plaatsing,studentnummer,')).toBe(true);
    expect(plain).toMatch(/\nP-1020,[^\n]*,2026-W46,2026-11-09,2026-11-15,22.5,0,0,0,goedgekeurd,22.5,/);
  });

  it('--praktijkopleider picks reports (repeatable); unknown ones, bad months and missing databases are refused', () => {
    const two = report('2026-11', base, ['--praktijkopleider', 'S.deBoer@hetzonnetje.nl', '--praktijkopleider', 'd.visser@bitwerk.nl']);
    expect(two.map((r) => r.praktijkopleider.email)).toEqual(['d.visser@bitwerk.nl', 's.deboer@hetzonnetje.nl']);
    // --out does not apply to JSON: said on stderr, stdout stays the JSON, no folder made
    const folder = path.join(tempDir(), 'map');
    const withOut = bpv(['report', 'monthly', '--month', '2026-11', '--as-of', AS_OF, '--format', 'json', '--out', folder], { cwd: base });
    expect(withOut.code).toBe(0);
    expect(JSON.parse(withOut.stdout)).toEqual(report('2026-11'));
    expect(withOut.stderr).toContain(`--out ${folder} geldt niet voor --format json`);
    expect(fs.existsSync(folder)).toBe(false);
    expect(bpv(['report', 'monthly', '--month', '2026-11', '--as-of', AS_OF, '--format', 'json'], { cwd: base }).stderr).not.toContain('--out');
    const unknown = bpv(['report', 'monthly', '--month', '2026-11', '--praktijkopleider', 'niemand@example.nl', '--format', 'json'], { cwd: base });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('niemand@example.nl');
    // 2200: beyond the years a date may have in bpv (it failed naming validate's --from)
    for (const bad of ['2026-13', '11-2026', '2026-1', 'november', '2200-01']) {
      const r = bpv(['report', 'monthly', '--month', bad], { cwd: base });
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain('geen geldige maand');
    }
    const noMonth = bpv(['report', 'monthly'], { cwd: base });
    expect(noMonth.code).toBe(2);
    expect(noMonth.stderr).toContain('welke maand? geef --month JJJJ-MM');
    expect(bpv(['report', 'monthly', '--month', '2026-11', '--as-of', '31-02-2026'], { cwd: base }).code).toBe(2);
    const dir = tempDir();
    const missing = bpv(['report', 'monthly', '--month', '2026-11'], { cwd: dir, env: { BPV_DB: path.join(dir, 'typo.db') } });
    expect(missing.code).toBe(3);
    expect(fs.readdirSync(dir)).toEqual([]);
    // an --out that cannot be a directory is a usage error, not a crash
    fs.writeFileSync(path.join(dir, 'bestand'), 'x');
    const blocked = bpv(['report', 'monthly', '--month', '2026-11', '--format', 'csv', '--out', path.join(dir, 'bestand'), '--db', path.join(base, 'bpv.db')], { cwd: dir });
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toContain(`--out ${path.join(dir, 'bestand')}: ${path.join(dir, 'bestand')} is een bestand, geen map; kies met --out een map (EEXIST)`);
    // below it: the file in the way is named, not the folder asked for
    const below = bpv(['report', 'monthly', '--month', '2026-11', '--format', 'csv', '--out', path.join(dir, 'bestand', 'sub'), '--db', path.join(base, 'bpv.db')], { cwd: dir });
    expect(below.code).toBe(2);
    expect(below.stderr).toContain(`: ${path.join(dir, 'bestand')} is een bestand, geen map`);
    // a month without placements: said once, and an empty index.csv (a mail merge sends nothing)
    const none = bpv(['report', 'monthly', '--month', '2199-11', '--format', 'csv', '--out', path.join(dir, 'leeg'), '--db', path.join(base, 'bpv.db')], { cwd: dir });
    expect([none.code, none.stderr.trim()]).toEqual([0, `Geen plaatsingen in november 2199: er is geen rapportage geschreven; index.csv in leeg is leeg.`]);
    expect(fs.readFileSync(path.join(dir, 'leeg', 'index.csv'), 'utf8').trim().split('\n')).toHaveLength(1);
    fs.rmSync(path.join(dir, 'bestand'));
    // a report's file that cannot be written (a directory in its place), after a good run into
    // the same directory: the same usage error naming it, no index.csv for a mail merge to
    // send, the earlier run's reports whole, and no empty files left behind
    const out = path.join(dir, 'out');
    const args = ['report', 'monthly', '--month', '2026-11', '--as-of', AS_OF, '--format', 'csv', '--out', out, '--db', path.join(base, 'bpv.db')];
    expect(bpv(args, { cwd: dir }).code).toBe(0);
    const earlier = new Map(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')]));
    const blocker = path.join(out, '2026-11-s.deboer@hetzonnetje.nl.csv');
    fs.rmSync(blocker);
    fs.mkdirSync(blocker);
    fs.rmSync(path.join(out, '2026-11-d.visser@bitwerk.nl.csv'));
    const isDir = bpv(args, { cwd: dir });
    expect(isDir.code, isDir.stderr).toBe(2);
    expect(isDir.stderr).toContain(`${blocker} is een map, geen bestand; verplaats of hernoem die map (EISDIR)`);
    expect(fs.existsSync(path.join(out, 'index.csv'))).toBe(false);
    for (const f of fs.readdirSync(out)) {
      if (f === path.basename(blocker)) continue;
      const text = fs.readFileSync(path.join(out, f), 'utf8');
      expect(text.length, f).toBeGreaterThan(0);
      expect(text, f).toBe(earlier.get(f));
    }
    // index.csv itself a directory: the same kind of message, not an unexpected error
    fs.rmSync(out, { recursive: true });
    fs.mkdirSync(path.join(out, 'index.csv'), { recursive: true });
    const indexDir = bpv(args, { cwd: dir });
    expect(indexDir.code, indexDir.stderr).toBe(2);
    expect(indexDir.stderr).toContain(`${path.join(out, 'index.csv')} is een map, geen bestand`);
    fs.rmSync(out, { recursive: true });
    // a month without placements writes an empty index.csv and says so
    const empty = bpv(['report', 'monthly', '--month', '2019-01', '--format', 'csv', '--out', path.join(dir, 'leeg'), '--db', path.join(base, 'bpv.db')], { cwd: dir });
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain('Geen plaatsingen');
    expect(fs.readFileSync(path.join(dir, 'leeg', 'index.csv'), 'utf8')).toBe('\uFEFFpraktijkopleider;email;leerbedrijf;studenten;bestand\r\n');
  });
});
