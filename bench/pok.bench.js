// `npm run bench` section: `bpv pok generate` of 1,000 POKs (the CLI as a coordinator runs
// it: 1,000 ids, files written, versions recorded; from 50 POKs on it renders on both cores)
// against raw pdfkit writing the same number of pages of text, document for document, to files
// (bench/pok-raw.mjs, the page text of bench/pok.js). Target (issue 5): ours at no less than
// half raw pdfkit's pages a second, i.e. at most 2× its time.
//
// Raw pdfkit with its built-in Helvetica (no font embedded: the cheapest pdfkit can be) is the
// baseline of the target. Raw pdfkit embedding Source Sans 3 per document (what a POK must do)
// is shown beside it, measured once to keep the bench short. Ours and raw run in interleaved
// rounds (median of --runs rounds); CPU time is shown too, since ours renders on two cores.
//
//   node bench/run.js --only pok [--runs 1]

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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

/**
 * One timed run (like run.js's timed(), but a single run, so that rounds can interleave):
 * wall ms, peak RSS (MiB) and CPU seconds of all threads, from rss-hook.mjs.
 */
function once(work, cmd, argv) {
  const rssFile = path.join(work, 'pok-rss');
  const cpuFile = path.join(work, 'pok-cpu');
  for (const f of [rssFile, cpuFile]) fs.rmSync(f, { force: true });
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, {
    env: { ...process.env, BENCH_RSS_FILE: rssFile, BENCH_CPU_FILE: cpuFile, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.slice(0, 6).join(' ')} … exited ${r.status}: ${r.stderr}`);
  const read = (f) => (fs.existsSync(f) ? Number(fs.readFileSync(f, 'utf8').trim()) : NaN);
  return { ms, rssMiB: read(rssFile) / 1024, cpuS: read(cpuFile) / 1000, stderr: r.stderr };
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

  // Rounds of ours then raw pdfkit, interleaved as bench/pok.js does: on a shared machine the
  // load drifts over the minutes a block of runs takes, and it should weigh on both alike.
  const db = path.join(work, 'pok.db');
  const out = path.join(work, 'pok-out');
  const rawOut = path.join(work, 'pok-raw');
  const pagesFile = path.join(work, 'pok-pages.json');
  const oursArgv = ['--import', HOOK, BIN, 'pok', 'generate', ...ids, '--out', out, '--db', db];
  const load0 = os.loadavg()[0];
  const ours = [];
  const raw = [];
  let embedded = null;
  let files = [];
  let totalPages = 0;
  for (let round = 0; round < ctx.RUNS; round++) {
    // ours: a fresh database (no versions yet) and an empty directory every run
    ctx.fresh(db);
    fs.copyFileSync(base, db);
    fs.rmSync(out, { recursive: true, force: true });
    ours.push(once(work, process.execPath, oursArgv));
    if (round === 0) {
      files = fs.existsSync(out) ? fs.readdirSync(out).filter((f) => f.endsWith('.pdf')).sort() : [];
      if (files.length !== ids.length) {
        console.log(`  only ${files.length} of ${ids.length} POKs were generated; bpv says:\n${ours[0].stderr.split('\n').slice(0, 10).join('\n')}`);
      }
      const pages = files.map((f) => pagesOf(path.join(out, f)));
      totalPages = pages.reduce((a, b) => a + b, 0);
      fs.writeFileSync(pagesFile, JSON.stringify(pages));
    }
    fs.rmSync(out, { recursive: true, force: true });

    // raw pdfkit: the same pages in the same number of documents, to files
    fs.rmSync(rawOut, { recursive: true, force: true });
    raw.push(once(work, process.execPath, ['--import', HOOK, RAW, pagesFile, rawOut]));
    if (round === 0) {
      const rawPages = fs.readdirSync(rawOut).reduce((n, f) => n + pagesOf(path.join(rawOut, f)), 0);
      if (rawPages !== totalPages) console.log(`  raw pdfkit wrote ${rawPages} pages, ours ${totalPages}: the comparison is off`);
      // raw pdfkit embedding the font: once, for context
      fs.rmSync(rawOut, { recursive: true, force: true });
      embedded = once(work, process.execPath, ['--import', HOOK, RAW, pagesFile, rawOut, '--embedded']);
    }
    fs.rmSync(rawOut, { recursive: true, force: true });
  }
  const load1 = os.loadavg()[0];

  const oursMs = median(ours.map((r) => r.ms));
  const rawMs = median(raw.map((r) => r.ms));
  const pps = (ms) => (totalPages / ms) * 1000;
  const what = `pok generate (${files.length} POKs, ${totalPages} pages)`;
  ctx.report(
    what, oursMs, rawMs, 'raw pdfkit, Helvetica', '≤ 2× (throughput ≥ 0.5×)',
    `${pps(oursMs).toFixed(0)} vs ${pps(rawMs).toFixed(0)} pages/s = ${(rawMs / oursMs).toFixed(2)}× throughput; ` +
      `CPU ${median(ours.map((r) => r.cpuS)).toFixed(1)} s vs ${median(raw.map((r) => r.cpuS)).toFixed(1)} s; ` +
      `peak ${Math.max(...ours.map((r) => r.rssMiB)).toFixed(0)} MiB; rounds interleaved; load ${load0.toFixed(1)}→${load1.toFixed(1)}`,
  );
  ctx.report(
    `${what} vs embedded font`, oursMs, embedded.ms, 'raw pdfkit, Source Sans 3 embedded, 1 run', '– (context)',
    `${pps(embedded.ms).toFixed(0)} pages/s raw = ${(embedded.ms / oursMs).toFixed(2)}× throughput; CPU ${embedded.cpuS.toFixed(1)} s`,
  );
  for (const f of [db, base]) ctx.fresh(f);
}
