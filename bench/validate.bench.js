// `npm run bench` section: `bpv validate` over the 1M-entry bench database (25k placements with
// timesheets, 100k placements in all) against Debian's sqlite3 CLI running plain SQL that
// finds the same day, week and placement findings (bench/validate-baseline.sql). Target
// (issue 4): bpv within 2× the SQL's time.
//
// Then a cross-check, untimed: the number of findings per rule from bpv and from the SQL must
// agree. On the generated data as it is, and on a copy given more variety
// (bench/validate-edges.sql) at three as-of dates, so that rules which find nothing in the
// generated data at 2026-11-24 (toekomst, akkoord-verlopen, uren-tekort, niet-erkend) are
// compared too. A difference is printed, not thrown: SPEC §4 is authoritative, the SQL is a
// baseline, and a difference is a question to look into.
//
//   node bench/run.js --only validate [--runs 1] [--placements N --timesheets N]

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BASELINE_SQL = path.join(HERE, 'validate-baseline.sql');
const EDGES_SQL = path.join(HERE, 'validate-edges.sql');

/** The generated data's "today": its last timesheet rows are of Friday 2026-11-20. */
export const AS_OF = '2026-11-24';
/** Cross-check dates: before most of the hours (toekomst), and after every placement ended. */
const CROSS_CHECK_AS_OF = ['2026-10-01', AS_OF, '2028-01-31'];

/**
 * The POKs the edges script makes hold a placeholder for their data's hash: bpv's pok-ongetekend
 * would find every one outdated (the placement's data differs from the POK's), which plain SQL
 * cannot see (the hash is over the POK's data as bpv puts it together). So each holds its
 * placement's data as it is, by bpv's own hash, and the rule's other cases are compared.
 */
async function holdCurrentData(root, file) {
  const { createRequire } = await import('node:module');
  const Database = createRequire(path.join(root, 'package.json'))('better-sqlite3');
  const { loadAllPokSources, pokDataHash } = await import(path.join(root, 'dist', 'pok', 'data.js'));
  const db = new Database(file);
  try {
    const set = db.prepare('UPDATE pok_versions SET data_hash = ? WHERE placement_id = ?');
    db.transaction(() => {
      for (const src of loadAllPokSources(db)) set.run(pokDataHash(src.data), src.id);
    })();
  } finally {
    db.close();
  }
}

/** Arguments for sqlite3 to run the baseline on `db` at `asOf`. */
export function baselineArgs(root, db, asOf) {
  const holidays = path.join(root, 'data', 'schoolvakanties.json');
  return ['-bail', db, `.parameter set @as_of "'${asOf}'"`, `.parameter set @holidays_file "'${holidays}'"`, `.read "${BASELINE_SQL}"`];
}

function parseBaseline(stdout) {
  const counts = {};
  for (const line of stdout.split('\n')) {
    const m = /^([a-z-]+)\|(\d+)$/.exec(line.trim());
    if (m) counts[m[1]] = Number(m[2]);
  }
  return counts;
}

function parseBpv(stdout) {
  const result = JSON.parse(stdout);
  const counts = {};
  for (const f of result.findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  return { counts, total: result.findings.length, notes: result.notes };
}

/** Lines comparing the counts (≠ marks a difference); `differ` lists the rules that do not agree. */
function compare(bpv, sql) {
  const rules = [...new Set([...Object.keys(bpv), ...Object.keys(sql)])].sort();
  const lines = [];
  const differ = [];
  for (const rule of rules) {
    const a = bpv[rule] ?? 0;
    const b = sql[rule] ?? 0;
    if (a !== b) differ.push(rule);
    lines.push(`    ${a === b ? ' ' : '≠'} ${rule.padEnd(17)} bpv ${String(a).padStart(7)}   SQL ${String(b).padStart(7)}`);
  }
  return { lines, differ };
}

function sh(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}

function sqlite(db, ...commands) {
  const r = sh('sqlite3', ['-bail', db, ...commands]);
  if (r.status !== 0) throw new Error(`sqlite3 ${db}: ${r.stderr}`);
  return r.stdout;
}

/** Reads a file once so that neither contender pays for the first read from disk. */
function warm(file) {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  while (fs.readSync(fd, buf, 0, buf.length, null) > 0);
  fs.closeSync(fd);
}

function baselineCounts(ctx, db, asOf, stdout) {
  const counts = parseBaseline(stdout);
  if (Object.keys(counts).length === 0) {
    throw new Error(`validate bench: the SQL baseline printed no counts; run it by hand:\n  sqlite3 ${baselineArgs(ctx.ROOT, db, asOf).map((a) => JSON.stringify(a)).join(' ')}`);
  }
  return counts;
}

export async function run(ctx) {
  const { ROOT, BIN, work } = ctx;
  const db = path.join(work, 'validate.db');
  ctx.fresh(db);
  fs.copyFileSync(ctx.full, db);
  // schoolvakantie needs the region; the generator's BOL rows avoid (most) holidays of midden
  sh(process.execPath, [BIN, 'config', 'set', 'school.regio', 'midden', '--db', db]);
  const entries = Number(sqlite(db, 'SELECT count(*) FROM timesheets').trim());
  const placements = Number(sqlite(db, 'SELECT count(*) FROM placements').trim());
  warm(db);

  const argv = ['validate', '--as-of', AS_OF, '--format', 'json', '--fail-on', 'never', '--db', db];
  const load0 = os.loadavg()[0];
  const ours = ctx.bpv(argv);
  const sql = ctx.timed('sqlite3', baselineArgs(ROOT, db, AS_OF));
  const load1 = os.loadavg()[0];
  const b = parseBpv(ours.stdout);
  const s = baselineCounts(ctx, db, AS_OF, sql.stdout);
  const { lines, differ } = compare(b.counts, s);
  ctx.report(
    `validate (${(entries / 1e6).toFixed(1)}M entries, ${placements / 1000}k placements)`,
    ours.ms, sql.ms, 'sqlite3, plain SQL', '≤ 2×',
    `peak ${ours.rssMiB.toFixed(0)} MiB; ${b.total} findings; per-rule counts ${differ.length ? `differ: ${differ.join(', ')}` : 'agree with the SQL'}; ` +
      `load ${load0.toFixed(1)}→${load1.toFixed(1)}`,
  );
  console.log(`  findings per rule at as-of ${AS_OF}, generated data:`);
  for (const l of lines) console.log(l);

  // cross-check on a copy with more variety, untimed
  const edges = path.join(work, 'validate-edges.db');
  ctx.fresh(edges);
  fs.copyFileSync(db, edges);
  sqlite(edges, `.read "${EDGES_SQL}"`);
  await holdCurrentData(ROOT, edges);
  const columns = [];
  for (const asOf of CROSS_CHECK_AS_OF) {
    const ob = parseBpv(sh(process.execPath, [BIN, 'validate', '--as-of', asOf, '--format', 'json', '--fail-on', 'never', '--db', edges]).stdout);
    const os = baselineCounts(ctx, edges, asOf, sh('sqlite3', baselineArgs(ROOT, edges, asOf)).stdout);
    columns.push({ asOf, bpv: ob.counts, sql: os });
  }
  const rules = [...new Set(columns.flatMap((c) => [...Object.keys(c.bpv), ...Object.keys(c.sql)]))].sort();
  const disagreements = [];
  console.log('  cross-check on varied data (bench/validate-edges.sql), findings per rule as bpv / SQL:');
  console.log(`      ${'as-of'.padEnd(17)}${columns.map((c) => c.asOf.padStart(18)).join('')}`);
  for (const rule of rules) {
    const cells = columns.map((c) => {
      const a = c.bpv[rule] ?? 0;
      const b = c.sql[rule] ?? 0;
      if (a !== b) disagreements.push(`${rule} at ${c.asOf} (bpv ${a}, SQL ${b})`);
      return `${a !== b ? '≠ ' : ''}${a} / ${b}`.padStart(18);
    });
    console.log(`      ${rule.padEnd(17)}${cells.join('')}`);
  }
  console.log(disagreements.length
    ? `  rule counts that differ between bpv and the SQL baseline: ${disagreements.join('; ')}`
    : `  cross-check: bpv and the SQL agree on every rule at ${CROSS_CHECK_AS_OF.join(', ')}`);
  ctx.fresh(edges);
  ctx.fresh(db);
}
