// bpv demo [DIR]: the main job on the shipped fixtures, in a fresh database of its own, so a
// new user sees every step work before touching real data. Loaded when the demo runs (demo.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, peekSetting, removeDbFiles } from '../db/open.js';
import { setSetting } from '../db/settings.js';
import { listPlacements, studentName } from '../db/placements.js';
import { statusCounts } from '../db/maintenance.js';
import { IMPORT_KINDS } from '../import/kinds.js';
import { runImport } from '../import/run.js';
import { fmtDate, fmtNumber } from '../i18n/lang.js';
import { listTimesheets } from '../db/timesheets.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from './io.js';
import { renderSummary } from './import.js';
import type { ReportFlags } from './report.js';
import { buildReports, emitReports } from './report-run.js';
import { table } from './table.js';
import { msg } from '../i18n/messages.js';
import { generatePoksIter, loadPokTemplate, pokStatus, signPok, writePokFiles } from '../pok/index.js';
import { runValidation } from './validation.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export const DEMO_SCHOOL: Record<string, string> = {
  'school.naam': 'ROC De Heuvelrug',
  'school.brin': '25ZZ',
  'school.adres': 'Heuvelrugweg 12',
  'school.postcode': '3701 AB',
  'school.plaats': 'Zeist',
  'school.telefoon': '030 123 45 67',
  'school.email': 'bureauwerkenstage@rocdeheuvelrug.nl',
  'school.regio': 'midden',
};

/** The fixtures describe the school year as it stood on this day; the demo looks from there. */
export const DEMO_AS_OF = '2026-11-24';
const DEMO_MONTH = DEMO_AS_OF.slice(0, 7);

export async function runDemo(io: Io, dirArg: string): Promise<number> {
  const dir = path.resolve(dirArg);
  try {
    if (fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() === false) throw new UsageError(msg().demoNotDir(dir));
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    // a file on the way (ENOTDIR), no permission (EACCES), a read-only disk (EROFS)
    throw new UsageError(msg().demoCannotMake(dir, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  const dbFile = path.join(dir, 'bpv.db');
  // A fresh database every time, whatever BPV_DB or --db say; but only an earlier demo's is
  // replaced (its school is the demo's, BRIN 25ZZ): `bpv demo .` in the folder of the real
  // database removed it.
  if (fs.existsSync(dbFile) && peekSetting(dbFile, 'school.brin') !== DEMO_SCHOOL['school.brin']) {
    throw new UsageError(msg().demoWouldReplace(dbFile));
  }
  // nor does it write its reports and findings over files of someone else's in a folder
  // without its database (a real rapportages/index.csv, a bevindingen.json)
  if (!fs.existsSync(dbFile) && fs.readdirSync(dir).length) throw new UsageError(msg().demoNotEmpty(dir));
  removeDbFiles(dbFile);
  const step = (t: string) => io.err(io.ce.bold.cyan(`\n▸ ${t}`));
  const db = openDb(dbFile, { write: true });
  try {
    step(`Nieuwe database ${dbFile}`);
    for (const [k, v] of Object.entries(DEMO_SCHOOL)) setSetting(db, k, v);
    io.err(`Schoolgegevens ingesteld: ${DEMO_SCHOOL['school.naam']} (${DEMO_SCHOOL['school.brin']}), regio ${DEMO_SCHOOL['school.regio']}`);

    const imports: [string, string, string][] = [
      ['placements', 'plaatsingen.csv', 'Excel-export: puntkomma, Windows-1252'],
      ['placements', 'plaatsingen-utf8.csv', 'UTF-8 met BOM, komma'],
      ['timesheets', 'uren.csv', 'urenregistratie per plaatsing_id'],
      ['timesheets', 'uren-per-student.csv', 'urenregistratie per studentnummer'],
      ['recognitions', 'erkenningen.csv', 'uittreksel SBB-register'],
      ['holidays', 'vakanties-school.csv', 'eigen vakantierooster van de school, regio midden'],
    ];
    for (const [kind, file, note] of imports) {
      step(`bpv import ${kind} fixtures/${file}   (${note})`);
      const s = await runImport(db, IMPORT_KINDS[kind]!, path.join(FIXTURES, file), {});
      renderSummary(io, s, {});
    }

    step(`bpv placements list --active-on ${DEMO_AS_OF} (eerste 10)`);
    const active = listPlacements(db, { activeOn: DEMO_AS_OF });
    io.out(table(['plaatsing', 'naam', 'leerweg', 'leerbedrijf', 'einde'],
      active.slice(0, 10).map((p) => [p.plaatsing_id, studentName(p), p.leerweg, p.leerbedrijf, fmtDate(p.effectieve_einddatum)])));
    const c = statusCounts(db, DEMO_AS_OF);
    io.err(`${c.placements} plaatsingen (${c.active} lopend), ${c.students} studenten, ${c.companies} leerbedrijven, ${c.praktijkopleiders} praktijkopleiders, ${c.timesheet_entries} urenregels.`);

    const example = active[0];
    if (example) {
      step(`bpv hours list --placement ${example.plaatsing_id} --from 2026-11-09   (${studentName(example)})`);
      const hours = listTimesheets(db, { placement: example.plaatsing_id, from: '2026-11-09' });
      io.out(table(['datum', 'uren', 'soort', 'status', 'werkzaamheden'],
        hours.map((h) => [fmtDate(h.datum), fmtNumber(h.uren), h.soort, h.status, (h.werkzaamheden ?? '').replace(/\s+/g, ' ').slice(0, 40)]), { right: [1] }));
    }

    step(`bpv pok generate --all --out ${path.join(dirArg, 'pok')}`);
    const pokDir = path.join(dir, 'pok');
    const counts = { generated: 0, unchanged: 0, refused: 0 };
    const ids = listPlacements(db).map((p) => p.plaatsing_id);
    for await (const r of generatePoksIter(db, ids, { today: DEMO_AS_OF, template: loadPokTemplate() })) {
      counts[r.status]++;
      if (r.status === 'refused') io.err(io.ce.yellow(r.message));
      else writePokFiles(r, pokDir);
    }
    io.err(msg().pokSummary(counts, pokDir));
    // a few POKs came back signed: the rest stays on the coordinator's list
    const signedBack = active.slice(0, 6);
    for (const p of signedBack) {
      for (const party of pokStatus(db, { placements: [p.plaatsing_id] })[0]?.required ?? []) {
        signPok(db, p.plaatsing_id, party, { today: DEMO_AS_OF, date: DEMO_AS_OF, name: null });
      }
    }
    io.err(`bpv pok sign …: ${signedBack.map((p) => p.plaatsing_id).join(', ')} volledig getekend teruggekomen.`);

    step(`bpv validate --as-of ${DEMO_AS_OF}`);
    const v = runValidation(db, { asOf: DEMO_AS_OF });
    const perRule = new Map<string, { severity: string; n: number }>();
    for (const f of v.findings) {
      const e = perRule.get(f.rule) ?? { severity: f.severity, n: 0 };
      e.n++;
      perRule.set(f.rule, e);
    }
    // errors first, then by how often, as a reader scans it
    const order = ['error', 'warning', 'info'];
    const ranked = [...perRule].sort(([ra, a], [rb, b]) => order.indexOf(a.severity) - order.indexOf(b.severity) || b.n - a.n || (ra < rb ? -1 : 1));
    io.out(table(['regel', 'ernst', 'aantal'], ranked.map(([rule, e]) => [rule, e.severity, e.n]), { right: [2] }));
    const findingsFile = path.join(dir, 'bevindingen.json');
    fs.writeFileSync(findingsFile, JSON.stringify(v, null, 2));
    io.err(`${v.summary.error} fouten, ${v.summary.warning} waarschuwingen; alles in ${findingsFile}`);

    step(`bpv report monthly --month ${DEMO_MONTH} --as-of ${DEMO_AS_OF}   (en --format csv)`);
    const reportDir = path.join(dir, 'rapportages');
    for (const [format, out] of [['pdf', reportDir], ['csv', path.join(reportDir, 'csv')]] as const) {
      const flags: ReportFlags = { month: DEMO_MONTH, asOf: DEMO_AS_OF, format, out };
      await emitReports(io, await buildReports(db, flags), flags);
    }

    step('Klaar');
    const rel = path.relative(process.cwd(), dbFile) || dbFile;
    io.err(`Alles staat in ${dir}: de database, de POK's (pok/), de bevindingen en de maandrapportages (rapportages/). Kijk verder met:\n` +
      `  bpv --db ${rel} status\n  bpv --db ${rel} validate --as-of ${DEMO_AS_OF}\n  bpv --db ${rel} pok status --unsigned`);
  } finally {
    db.close();
  }
  return EXIT.ok;
}
