// npm run bench, section "report": bpv report monthly on the bench database (100,000
// placements, a million timesheet rows, ~1,000 praktijkopleiders), against the raw tools.
//
// - CSV for every praktijkopleider against the plain SQL (Debian's sqlite3) that sums the same
//   hours: per placement-week for the month, and the approved hours from each start to the
//   month's end (the CSV has both); for context, against the week sums alone.
// - PDF for a subset of praktijkopleiders against raw pdfkit writing the same number of files
//   and pages of text with the same embedded font, one document after another.
//
// Also a script: `node bench/report.bench.js --raw-pdf OUT PAGES...` is that raw pdfkit run
// (one file per PAGES count), so it is timed as a process like bpv is.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MONTH = '2026-11';
const AS_OF = '2026-11-24';
const FIRST = '2026-11-01';
const LAST = '2026-11-30';
const PDF_POS = 10;

// The month's hours per placement-week, as bpv counts them: days inside the month and the
// placement's period. 2026-11-01 is a Sunday, so (day of month + 5) / 7 is the week index.
const MONTH_SQL = `
SELECT p.plaatsing_id, (CAST(substr(t.datum, 9, 2) AS INTEGER) + 5) / 7 AS wk,
       sum(CASE WHEN t.soort = 'gewerkt' THEN t.uren ELSE 0 END), sum(CASE WHEN t.soort = 'ziek' THEN t.uren ELSE 0 END),
       sum(CASE WHEN t.soort = 'afwezig' THEN t.uren ELSE 0 END), sum(CASE WHEN t.soort = 'verlof' THEN t.uren ELSE 0 END),
       min(t.status)
  FROM timesheets t JOIN placements p ON p.id = t.placement_id
 WHERE t.datum BETWEEN '${FIRST}' AND '${LAST}' AND t.datum >= p.startdatum AND t.datum <= ifnull(p.beeindigd_op, p.einddatum)
 GROUP BY t.placement_id, wk;`;

const APPROVED_SQL = `
SELECT p.plaatsing_id, sum(t.uren)
  FROM timesheets t JOIN placements p ON p.id = t.placement_id
 WHERE t.datum <= '${LAST}' AND t.soort = 'gewerkt' AND t.status = 'goedgekeurd' AND t.datum >= p.startdatum
   AND t.datum <= ifnull(p.beeindigd_op, p.einddatum) AND p.startdatum <= '${LAST}' AND ifnull(p.beeindigd_op, p.einddatum) >= '${FIRST}'
 GROUP BY t.placement_id;`;

/** Pages of every PDF in a directory (pdfkit writes page dictionaries uncompressed). */
function pagesIn(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.pdf'))
    .map((f) => (fs.readFileSync(path.join(dir, f), 'latin1').match(/\/Type \/Page\n/g) ?? []).length);
}

export async function run(ctx) {
  const { work, db, bpv, timed, report } = ctx;
  const here = fileURLToPath(import.meta.url);
  // a copy of the database after the imports; the report only reads it
  const file = path.join(work, 'report.db');
  ctx.fresh(file);
  execFileSync('sqlite3', [db, `VACUUM INTO '${file}'`]);
  execFileSync(process.execPath, [ctx.BIN, '--db', file, 'config', 'set', 'school.naam', 'ROC Bench'], { stdio: 'ignore' });

  const csvDir = path.join(work, 'report-csv');
  const ours = bpv(['--db', file, 'report', 'monthly', '--month', MONTH, '--as-of', AS_OF, '--format', 'csv', '--out', csvDir]);
  const files = fs.readdirSync(csvDir).length - 1;
  const out = path.join(work, 'report-sql.csv');
  // The CSV holds both the week sums and the approved hours up to the month's end: the plain SQL
  // that sums the same hours is both queries. The week sums alone are shown for context.
  const sqlBoth = timed('sqlite3', [file, '.mode csv', `.output ${out}`, MONTH_SQL, APPROVED_SQL]);
  report('report monthly csv', ours.ms, sqlBoth.ms, 'plain SQL, week sums + approved to date', '≤ 2×', `${files} files, peak ${ours.rssMiB.toFixed(0)} MiB; the same hours the CSV holds`);
  const sql = timed('sqlite3', [file, '.mode csv', `.output ${out}`, MONTH_SQL]);
  report('report monthly csv', ours.ms, sql.ms, 'plain SQL, week sums only', '(context)', 'without the approved hours');

  // PDF: the first PDF_POS praktijkopleiders of the generator (po1@leerbedrijf1.example.nl, …)
  const pos = Array.from({ length: PDF_POS }, (_, i) => ['--praktijkopleider', `po${i + 1}@leerbedrijf${i + 1}.example.nl`]).flat();
  const pdfDir = path.join(work, 'report-pdf');
  const oursPdf = bpv(['--db', file, 'report', 'monthly', '--month', MONTH, '--as-of', AS_OF, '--format', 'pdf', '--out', pdfDir, ...pos]);
  const pages = pagesIn(pdfDir);
  const total = pages.reduce((a, b) => a + b, 0);
  const rawDir = path.join(work, 'report-raw-pdf');
  const raw = timed(process.execPath, [here, '--raw-pdf', rawDir, ...pages.map(String)]);
  const rate = (ms) => ((total / ms) * 1000).toFixed(0);
  report('report monthly pdf', oursPdf.ms, raw.ms, 'raw pdfkit, same pages', '≤ 2× (≥ half the pages/s)',
    `${pages.length} files, ${total} pages: ${rate(oursPdf.ms)} vs ${rate(raw.ms)} pages/s`);
}

/** Raw pdfkit: one file per count, that many A4 pages of 46 lines of text in Source Sans 3. */
async function rawPdf(outDir, counts) {
  const require = createRequire(import.meta.url);
  const { default: PDFDocument } = await import('pdfkit');
  const font = fs.readFileSync(require.resolve('@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf'));
  fs.mkdirSync(outDir, { recursive: true });
  const line = 'Week 45   02-11 – 08-11   gewerkt 32   ziek 0   afwezig 0   verlof 0   goedgekeurd';
  for (const [i, count] of counts.entries()) {
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, font: '', info: { CreationDate: new Date(0) } });
    doc.registerFont('regular', font);
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    const done = new Promise((resolve) => doc.on('end', resolve));
    for (let p = 0; p < count; p++) {
      doc.addPage();
      doc.font('regular').fontSize(9.8);
      for (let l = 0; l < 46; l++) doc.text(`${line} ${p}.${l}`, 64, 60 + l * 15.5, { lineBreak: false });
    }
    doc.end();
    await done;
    fs.writeFileSync(path.join(outDir, `${i}.pdf`), Buffer.concat(chunks));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href && process.argv[2] === '--raw-pdf') {
  await rawPdf(process.argv[3], process.argv.slice(4).map(Number));
}
