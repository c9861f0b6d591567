#!/usr/bin/env node
// npm run bench: speed and memory of bpv on large generated data, as ratios against the raw
// tools measured in the same run (Debian's sqlite3 CLI, plain SQL, raw pdfkit).
//
//   npm run bench [-- --placements N --timesheets N --runs R --only import,validate,pok,report]
//
// Not a test: figures depend on the machine. Each figure is the median of R runs (default 3).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(HERE);
const BIN = path.join(ROOT, 'bin', 'bpv.js');

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const N_PLACEMENTS = Number(arg('placements', 100_000));
const N_TIMESHEETS = Number(arg('timesheets', 1_000_000));
const RUNS = Number(arg('runs', 3));
const ONLY = new Set(arg('only', 'import,validate,pok,report').split(','));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bpv-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const rows = [];

function report(what, ours, baseline, baselineName, target, extra = '') {
  const ratio = ours / baseline;
  rows.push({ what, ours: fmt(ours), baseline: `${fmt(baseline)} (${baselineName})`, ratio: `${ratio.toFixed(2)}×`, target, extra });
  console.log(`${what}: bpv ${fmt(ours)}, ${baselineName} ${fmt(baseline)} → ${ratio.toFixed(2)}× (target ${target})${extra ? `; ${extra}` : ''}`);
}

/** Runs a command R times; returns the median wall time, the largest peak RSS (MiB) and the last run's stdout. */
function timed(cmd, argv, { before, env } = {}) {
  const times = [];
  let rss = 0;
  let stdout = '';
  for (let i = 0; i < RUNS; i++) {
    before?.();
    const rssFile = path.join(work, 'rss');
    fs.rmSync(rssFile, { force: true });
    const t0 = performance.now();
    const r = spawnSync(cmd, argv, { env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1', ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push(performance.now() - t0);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
    stdout = r.stdout;
    if (fs.existsSync(rssFile)) rss = Math.max(rss, Number(fs.readFileSync(rssFile, 'utf8')) / 1024);
  }
  return { ms: median(times), rssMiB: rss, stdout };
}

const bpv = (argv, opts) => timed(process.execPath, ['--import', path.join(HERE, 'rss-hook.mjs'), BIN, ...argv], opts);

/** Runs bpv once, untimed (setting up a section's data); exit 0 or 1 is fine. */
function once(argv) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`bpv ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}

function hasSqlite3() {
  return spawnSync('sqlite3', ['-version']).status === 0;
}

function fresh(file) {
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
}

async function main() {
  if (!hasSqlite3()) {
    console.error('bench: needs Debian\'s sqlite3 CLI for its baselines: apt-get install sqlite3');
    process.exitCode = 2;
    return;
  }
  console.log(`bpv bench: ${N_PLACEMENTS} placements, ${N_TIMESHEETS} timesheet rows, median of ${RUNS} runs; node ${process.version}, ${os.cpus().length} cores`);
  const g = await generate({ placements: N_PLACEMENTS, timesheets: N_TIMESHEETS, out: path.join(work, 'data') });
  const placementsCsv = path.join(g.out, 'placements.csv');
  const timesheetsCsv = path.join(g.out, 'timesheets.csv');
  console.log(`generated in ${fmt(g.placementsMs + g.timesheetsMs)} (${(fs.statSync(placementsCsv).size / 2 ** 20).toFixed(0)} MiB + ${(fs.statSync(timesheetsCsv).size / 2 ** 20).toFixed(0)} MiB)`);

  const db = path.join(work, 'bpv.db');
  const base = path.join(work, 'base.db');
  const raw = path.join(work, 'raw.db');

  // `full`: placements and timesheets imported, never touched by a section: sections that need
  // timesheets copy it (see validate.bench.js). `base`: placements only.
  const full = path.join(work, 'full.db');
  const needBase = ['import', 'validate', 'pok', 'report'].some((s) => ONLY.has(s));
  const needFull = ['validate', 'report'].some((s) => ONLY.has(s));
  if (ONLY.has('import')) {
    const sq = timed('sqlite3', [raw, '.mode csv', `.import ${placementsCsv} placements`], { before: () => fresh(raw) });
    const ours = bpv(['import', 'placements', placementsCsv, '--db', db], { before: () => fresh(db) });
    report('import placements', ours.ms, sq.ms, 'sqlite3 .import', '≤ 4× (aim 3×)', `peak ${ours.rssMiB.toFixed(0)} MiB`);
    fresh(base);
    execFileSync('sqlite3', [db, `VACUUM INTO '${base}'`]);

    const sqT = timed('sqlite3', [raw, '.mode csv', `.import ${timesheetsCsv} timesheets`], { before: () => fresh(raw) });
    const oursT = bpv(['import', 'timesheets', timesheetsCsv, '--db', db], { before: () => { fresh(db); fs.copyFileSync(base, db); } });
    report('import timesheets', oursT.ms, sqT.ms, 'sqlite3 .import', '≤ 4× (aim 3×)', `peak ${oursT.rssMiB.toFixed(0)} MiB (limit 300)`);
  } else if (needBase) {
    // the sections' databases, made once and untimed when the import figures are not asked for
    once(['import', 'placements', placementsCsv, '--db', db]);
    fresh(base);
    execFileSync('sqlite3', [db, `VACUUM INTO '${base}'`]);
    if (needFull) once(['import', 'timesheets', timesheetsCsv, '--db', db]);
  }
  if (needFull) {
    fresh(full);
    execFileSync('sqlite3', [db, `VACUUM INTO '${full}'`]);
  }

  for (const section of ['validate', 'pok', 'report']) {
    if (!ONLY.has(section)) continue;
    const file = path.join(HERE, `${section}.bench.js`);
    if (!fs.existsSync(file)) continue;
    const mod = await import(file);
    await mod.run({ work, db, base, full, placementsCsv, timesheetsCsv, bpv, timed, report, fresh, RUNS, N_PLACEMENTS, N_TIMESHEETS, ROOT, BIN });
  }

  console.log('\n| what | bpv | baseline | ratio | target | notes |\n|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.what} | ${r.ours} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.extra} |`);
  fs.rmSync(work, { recursive: true, force: true });
}

await main();
