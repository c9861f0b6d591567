// `npm run bench` section: `bpv pok generate` of 1,000 POKs (the CLI as a coordinator runs
// it: 1,000 ids, files written, versions recorded; from 50 POKs on it renders on both cores)
// against raw pdfkit writing the same number of pages of text, document for document, to files
// (bench/pok-raw.mjs, the page text of bench/pok.js). Target (issue 5): ours at no less than
// half raw pdfkit's pages a second, i.e. at most 2× its time.
//
// Raw pdfkit with its built-in Helvetica (no font embedded: the cheapest pdfkit can be) is the
// baseline of the target. Raw pdfkit embedding Source Sans 3 per document (what a POK must do)
// is shown beside it, measured once to keep the bench short.
//
//   node bench/run.js --only pok [--runs 1]

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RAW = path.join(HERE, 'pok-raw.mjs');
const HOOK = path.join(HERE, 'rss-hook.mjs');
const POKS = 1000;

/** What a POK needs of the school (SPEC §1 settings, §5 missing data). */
const SCHOOL = {
  'school.naam': 'ROC Midden Nederland',
  'school.brin': '25PJ',
  'school.adres': 'Stationsplein 1',
  'school.postcode': '3511 ED',
  'school.plaats': 'Utrecht',
  'school.telefoon': '030 123 45 00',
  'school.email': 'bws@roc-voorbeeld.nl',
  'school.regio': 'midden',
};

function sh(cmd, argv) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv.slice(0, 8).join(' ')} … exited ${r.status}: ${r.stderr}`);
  return r;
}

function sqlite(db, sql) {
  const r = sh('sqlite3', ['-bail', db, sql]);
  if (r.status !== 0) throw new Error(`sqlite3 ${db}: ${r.stderr}`);
  return r.stdout.trim();
}

const pagesOf = (file) => (fs.readFileSync(file).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median CPU seconds of the runs recorded in `file` by rss-hook.mjs; the file is then removed. */
function cpuSeconds(file) {
  if (!fs.existsSync(file)) return NaN;
  const xs = fs.readFileSync(file, 'utf8').trim().split('\n').map(Number);
  fs.rmSync(file);
  return median(xs) / 1000;
}

/**
 * Which of the chosen placements lack data the POK needs (src/pok/data.ts missingPokFields,
 * besides the school settings set here), counted per field.
 */
function missingData(db, ids) {
  const list = ids.map((id) => `'${id}'`).join(',');
  const row = sqlite(db, `
    SELECT sum(coalesce(trim(c.adres), '') = ''), sum(coalesce(trim(c.postcode), '') = ''),
           sum(coalesce(trim(c.plaats), '') = ''), sum(coalesce(trim(po.naam), '') = ''),
           sum(coalesce(trim(s.geboortedatum), '') = '')
    FROM placements p JOIN companies c ON c.id = p.company_id JOIN students s ON s.studentnummer = p.studentnummer
    LEFT JOIN persons po ON po.email = p.praktijkopleider_email
    WHERE p.plaatsing_id IN (${list})`).split('|').map(Number);
  const names = ['leerbedrijf.adres', 'leerbedrijf.postcode', 'leerbedrijf.plaats', 'praktijkopleider.naam', 'student.geboortedatum'];
  return names.map((n, i) => [n, row[i]]).filter(([, k]) => k > 0);
}

export async function run(ctx) {
  const { work, BIN } = ctx;
  const base = path.join(work, 'pok-base.db');
  ctx.fresh(base);
  fs.copyFileSync(ctx.base, base);
  for (const [key, value] of Object.entries(SCHOOL)) sh(process.execPath, [BIN, 'config', 'set', key, value, '--db', base]);
  const ids = sqlite(base, `SELECT plaatsing_id FROM placements ORDER BY plaatsing_id LIMIT ${POKS}`).split('\n');
  const missing = missingData(base, ids);
  if (missing.length) {
    console.log(`  the generated placements lack data a POK needs (bench/generate.mjs): ${missing.map(([n, k]) => `${n} in ${k}`).join(', ')}`);
  }

  // ours: a fresh database (no versions yet) and an empty directory every run
  const db = path.join(work, 'pok.db');
  const out = path.join(work, 'pok-out');
  const cpuFile = path.join(work, 'pok-cpu');
  fs.rmSync(cpuFile, { force: true });
  const ours = ctx.bpv(['pok', 'generate', ...ids, '--out', out, '--db', db], {
    before: () => {
      ctx.fresh(db);
      fs.copyFileSync(base, db);
      fs.rmSync(out, { recursive: true, force: true });
    },
    env: { BENCH_CPU_FILE: cpuFile },
  });
  const oursCpu = cpuSeconds(cpuFile);
  const files = fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith('.pdf')).sort() : [];
  if (files.length !== ids.length) {
    const r = sh(process.execPath, [BIN, 'pok', 'generate', ...ids.slice(0, 50), '--out', path.join(work, 'pok-check'), '--db', db]);
    console.log(`  only ${files.length} of ${ids.length} POKs were generated; bpv says:\n${r.stderr.split('\n').slice(0, 10).join('\n')}`);
  }
  const pages = files.map((f) => pagesOf(path.join(out, f)));
  const totalPages = pages.reduce((a, b) => a + b, 0);
  const pagesFile = path.join(work, 'pok-pages.json');
  fs.writeFileSync(pagesFile, JSON.stringify(pages));
  fs.rmSync(out, { recursive: true, force: true });

  // raw pdfkit, the same pages in the same number of documents, to files
  const rawOut = path.join(work, 'pok-raw');
  const raw = ctx.timed(process.execPath, ['--import', HOOK, RAW, pagesFile, rawOut], {
    before: () => fs.rmSync(rawOut, { recursive: true, force: true }),
    env: { BENCH_CPU_FILE: cpuFile },
  });
  const rawCpu = cpuSeconds(cpuFile);
  const rawPages = fs.readdirSync(rawOut).reduce((n, f) => n + pagesOf(path.join(rawOut, f)), 0);
  if (rawPages !== totalPages) console.log(`  raw pdfkit wrote ${rawPages} pages, ours ${totalPages}: the comparison is off`);
  fs.rmSync(rawOut, { recursive: true, force: true });

  // raw pdfkit embedding the font, once
  const t0 = performance.now();
  sh(process.execPath, ['--import', HOOK, RAW, pagesFile, rawOut, '--embedded']);
  const embeddedMs = performance.now() - t0;
  fs.rmSync(rawOut, { recursive: true, force: true });

  const pps = (ms) => (totalPages / ms) * 1000;
  const what = `pok generate (${files.length} POKs, ${totalPages} pages)`;
  ctx.report(
    what, ours.ms, raw.ms, 'raw pdfkit, Helvetica', '≤ 2× (throughput ≥ 0.5×)',
    `${pps(ours.ms).toFixed(0)} vs ${pps(raw.ms).toFixed(0)} pages/s = ${(raw.ms / ours.ms).toFixed(2)}× throughput; ` +
      `CPU ${oursCpu.toFixed(1)} s vs ${rawCpu.toFixed(1)} s; peak ${ours.rssMiB.toFixed(0)} MiB`,
  );
  ctx.report(
    `${what} vs embedded font`, ours.ms, embeddedMs, 'raw pdfkit, Source Sans 3 embedded, 1 run', '– (context)',
    `${pps(embeddedMs).toFixed(0)} pages/s raw = ${(embeddedMs / ours.ms).toFixed(2)}× throughput`,
  );
  for (const f of [db, base]) ctx.fresh(f);
}
