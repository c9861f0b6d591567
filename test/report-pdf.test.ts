// The monthly report's PDF, read back with a real PDF parser (pdfjs): every student, their
// month's totals and their progress are on paper as the JSON has them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, bpv, bpvJson } from './helpers.js';
import { pdfPages, type PdfPage } from './pok/helpers.js';

const AS_OF = '2026-11-24';
const SANNE = 's.deboer@hetzonnetje.nl';
let dir: string;
let pages: PdfPage[];
let json: any;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpv-report-pdf-'));
  const run = (args: string[]) => expect(bpv(args, { cwd: dir }).code).toBeLessThanOrEqual(1);
  for (const [k, v] of [['school.naam', 'ROC De Heuvelrug'], ['school.email', 'bureau@rocdeheuvelrug.nl'], ['school.regio', 'midden']]) run(['config', 'set', k!, v!]);
  for (const [kind, file] of [['placements', 'plaatsingen.csv'], ['placements', 'plaatsingen-utf8.csv'], ['timesheets', 'uren.csv'],
    ['timesheets', 'uren-per-student.csv']]) run(['import', kind!, path.join(FIXTURES, file!)]);
  const r = bpv(['report', 'monthly', '--month', '2026-11', '--as-of', AS_OF, '--praktijkopleider', SANNE, '--out', 'out'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  pages = await pdfPages(fs.readFileSync(path.join(dir, 'out', `2026-11-${SANNE}.pdf`)));
  json = bpvJson(['report', 'monthly', '--month', '2026-11', '--as-of', AS_OF, '--praktijkopleider', SANNE, '--format', 'json'], { cwd: dir })[0];
  return () => fs.rmSync(dir, { recursive: true, force: true });
});

/** Dutch notation as printed: decimal comma, thousands dot (1.252,5). */
const nl = (n: number) => {
  const [int, dec] = String(n).split('.');
  return int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (dec ? `,${dec}` : '');
};

describe('the monthly report as PDF', () => {
  it('does not say "nothing to do" above a list of errors', async () => {
    const daan = 'd.visser@bitwerk.nl';
    expect(bpv(['report', 'monthly', '--month', '2026-11', '--as-of', AS_OF, '--praktijkopleider', daan, '--out', 'daan'], { cwd: dir }).code).toBe(0);
    const report = bpvJson(['report', 'monthly', '--month', '2026-11', '--as-of', AS_OF, '--praktijkopleider', daan, '--format', 'json'], { cwd: dir })[0];
    // the case: nothing for Daan to do, but findings about his students
    expect(report.placements.flatMap((p: any) => p.actions)).toEqual([]);
    expect(report.placements.some((p: any) => p.findings.some((f: any) => f.severity === 'error'))).toBe(true);
    const text = (await pdfPages(fs.readFileSync(path.join(dir, 'daan', `2026-11-${daan}.pdf`)))).map((p) => p.text).join('\n');
    expect(text).toContain('Lees wel de meldingen');
    expect(text).not.toContain('Niets te doen');
  });

  it('is A4, in Dutch, with the praktijkopleider, both companies and page numbers', () => {
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(595.28, 1);
      expect(p.height).toBeCloseTo(841.89, 1);
    }
    const first = pages[0]!.text;
    expect(first).toContain('Maandoverzicht BPV');
    expect(first).toContain('Sanne de Boer');
    expect(first).toContain('BSO De Speelwerf B.V., Kinderopvang Het Zonnetje B.V.');
    expect(first).toContain('november 2026');
    pages.forEach((p, i) => expect(p.text).toContain(`pagina ${i + 1} van ${pages.length}`));
  });

  it('names every student, with their totals and percentage as in the JSON', () => {
    const all = pages.map((p) => p.text).join('\n');
    expect(json.placements.length).toBe(10);
    for (const p of json.placements) {
      expect(all).toContain(p.naam);
      expect(all).toContain(`${p.placement} · studentnummer ${p.student}`);
      expect(all).toContain(`${nl(p.goedgekeurd_tot_maandeinde)} van ${nl(p.uren_totaal)} uur (${p.percentage.toFixed(1).replace('.', ',')}%)`);
    }
    expect(all).toContain('Marĳke Ĳzerman');
    // the totals rows, in the order of the students: the four numbers beside "Totaal november"
    const totals: string[][] = [];
    for (const page of pages) {
      for (const label of page.items.filter((it) => it.str === 'Totaal november')) {
        const row = page.items.filter((it) => Math.abs(it.y - label.y) < 1 && it.x > label.x + 60 && it.str.trim() !== '').sort((a, b) => a.x - b.x);
        totals.push(row.map((it) => it.str));
      }
    }
    // on paper the students go by achternaam, tussenvoegsel aside, as a Dutch list (the JSON by placement)
    const names = new Intl.Collator('nl', { sensitivity: 'base' });
    const listed: any[] = bpvJson(['placements', 'list', '--json'], { cwd: dir });
    const key = (p: any) => { const x = listed.find((l) => l.plaatsing_id === p.placement); return `${x.achternaam} ${x.voornaam}`; };
    const byName = [...json.placements].sort((a: any, b: any) => names.compare(key(a), key(b)) || (a.placement < b.placement ? -1 : 1));
    expect(byName.map((p: any) => p.naam)).not.toEqual([...json.placements].sort((a: any, b: any) => names.compare(a.naam, b.naam)).map((p: any) => p.naam));
    expect(byName.map((p: any) => p.placement)).not.toEqual(json.placements.map((p: any) => p.placement));
    const at = byName.map((p: any) => all.indexOf(`${p.placement} · studentnummer`));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(totals).toEqual(byName.map((p: any) => [p.totals.gewerkt, p.totals.ziek, p.totals.afwezig, p.totals.verlof].map(nl)));
  });

  // a block longer than a page (findings on every day) names its student on the next page
  it('a student whose block runs on to the next page is named at its top', async () => {
    const p = json.placements[0];
    const days = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
    const csv = ['plaatsing_id,datum,uren,soort,status', ...days.map((d) => `${p.placement},${d},14,gewerkt,ingediend`)].join('\n');
    fs.writeFileSync(path.join(dir, 'lang.csv'), csv + '\n');
    fs.copyFileSync(path.join(dir, 'bpv.db'), path.join(dir, 'lang.db'));
    expect(bpv(['import', 'timesheets', 'lang.csv', '--db', 'lang.db'], { cwd: dir }).code).toBe(0);
    expect(bpv(['report', 'monthly', '--month', '2026-11', '--as-of', AS_OF, '--praktijkopleider', SANNE, '--out', 'lang', '--db', 'lang.db'], { cwd: dir }).code).toBe(0);
    const long = await pdfPages(fs.readFileSync(path.join(dir, 'lang', `2026-11-${SANNE}.pdf`)));
    const start = long.findIndex((pg) => pg.text.includes(`${p.placement} · studentnummer`));
    const next = long[start + 1]!.text;
    expect(next).not.toContain(`${p.placement} · studentnummer`);
    expect(next.trimStart().startsWith(`${p.naam} (vervolg)`)).toBe(true);
    // and only there: the pages of the other students start with their own block
    expect(long.filter((pg) => pg.text.includes('(vervolg)')).length).toBeGreaterThan(0);
    for (const pg of long) if (pg.text.includes('(vervolg)')) expect(pg.text).toContain(`${p.naam} (vervolg)`);
  });

  it('shows what to do and what the validator found', () => {
    const all = pages.map((p) => p.text.replace(/\n/g, ' ')).join(' ');
    const zoe = json.placements.find((p: any) => p.placement === 'P-1018');
    expect(zoe.actions.length).toBeGreaterThan(0);
    expect(pages[0]!.text).toContain('Te doen deze maand'.toUpperCase());
    for (const f of json.placements.flatMap((p: any) => p.findings)) expect(all.replace(/\s+/g, ' ')).toContain(f.message.slice(0, 40));
  });

  it('is a Dutch document under --lang en too, byte for byte; only the terminal speaks English', () => {
    const en = bpv(['--lang', 'en', 'report', 'monthly', '--month', '2026-11', '--as-of', AS_OF, '--praktijkopleider', SANNE, '--out', 'en'], { cwd: dir });
    expect(en.code).toBe(0);
    expect(en.stderr).toContain('monthly report(s) (pdf) written');
    // the validator's notes are for the person at the terminal
    expect(en.stderr).toContain('Rule niet-erkend was skipped');
    expect(en.stderr).not.toContain('overgeslagen');
    expect(fs.readFileSync(path.join(dir, 'en', `2026-11-${SANNE}.pdf`))).toEqual(fs.readFileSync(path.join(dir, 'out', `2026-11-${SANNE}.pdf`)));
  });

  it('the same month and as-of give the same bytes', () => {
    const again = bpv(['report', 'monthly', '--month', '2026-11', '--as-of', AS_OF, '--praktijkopleider', SANNE, '--out', 'again'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'again', `2026-11-${SANNE}.pdf`))).toEqual(fs.readFileSync(path.join(dir, 'out', `2026-11-${SANNE}.pdf`)));
    expect(fs.readFileSync(path.join(dir, 'again', 'index.csv'), 'utf8')).toContain(`;2026-11-${SANNE}.pdf\r\n`);
  });
});
