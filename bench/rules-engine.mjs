// Times the validator on a synthetic 1M-entry input (25k placements × 40 working days).
// The data is meant to look like a real school's: mostly 7-8,5 h weekdays, a few late
// approvals, concept weeks, sick days and overtime, so findings are a few per cent of entries.
// --noisy makes every day random (4-13 h, 7 days a week): most entries then produce findings,
// which measures the cost of building messages.
// Runs the compiled code, as `bpv validate` would:
//   npx tsc -p tsconfig.json && node --expose-gc bench/rules-engine.mjs [--db] [--noisy]
// --db also builds a temporary SQLite file with the same data and times validateDatabase.
// Timing is reported, never asserted.

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MIGRATIONS } from '../dist/db/migrations.js';
import { runRules } from '../dist/rules/engine.js';
import { loadValidationInput, validateDatabase } from '../dist/rules/load.js';

const NOISY = process.argv.includes('--noisy');
const AS_OF = Date.UTC(2026, 11, 15);
const PLACEMENTS = 25_000;
const DAYS = 40;
const DAY = 86_400_000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);

// Deterministic pseudo-random numbers so runs are comparable.
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

function synth() {
  const placements = [];
  const base = Date.UTC(2026, 8, 1);
  for (let i = 0; i < PLACEMENTS; i++) {
    const start = base + Math.floor(rnd() * 60) * DAY;
    const entries = [];
    for (let d = 0, t = start; d < DAYS; t += DAY) {
      const weekday = new Date(t).getUTCDay();
      if (!NOISY && (weekday === 0 || weekday === 6)) continue;
      d++;
      const r = rnd();
      const soort = r < 0.03 ? 'ziek' : r < 0.04 ? 'verlof' : 'gewerkt';
      const past = t < AS_OF - 10 * DAY;
      const status = NOISY
        ? r < 0.5 ? 'goedgekeurd' : r < 0.8 ? 'ingediend' : r < 0.95 ? 'concept' : 'correctie'
        : past ? (r < 0.97 ? 'goedgekeurd' : r < 0.99 ? 'ingediend' : 'correctie') : r < 0.6 ? 'ingediend' : 'concept';
      const monday = t - ((weekday + 6) % 7) * DAY;
      entries.push({
        datum: iso(t),
        uren: NOISY ? Math.round((4 + rnd() * 9) * 4) / 4 : soort === 'gewerkt' ? 7 + Math.floor(rnd() * 7) / 4 : 8,
        soort,
        status,
        goedgekeurd_op: status === 'goedgekeurd' ? iso(monday + (rnd() < 0.95 ? 7 : 9) * DAY) : null,
      });
    }
    placements.push({
      plaatsing_id: `P-${String(i).padStart(6, '0')}`,
      studentnummer: String(100000 + i),
      naam: `Student ${i}`,
      geboortedatum: rnd() < 0.1 ? null : iso(Date.UTC(2005 + Math.floor(rnd() * 6), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))),
      leerweg: rnd() < 0.7 ? 'BOL' : 'BBL',
      startdatum: iso(start),
      einddatum: iso(start + 120 * DAY),
      beeindigd_op: null,
      beeindigd_reden: null,
      uren_totaal: 640,
      uren_per_week: 40,
      vakantiewerk: rnd() < 0.2,
      email_praktijkopleider: `po${i % 3000}@bedrijf.nl`,
      kvk: String(10000000 + (i % 5000)),
      vestigingsnummer: null,
      crebo: '25491',
      pok: { version: 1, signed: { student: iso(start), leerbedrijf: iso(start), school: iso(start) } },
      erkend: rnd() < 0.95,
      entries,
    });
  }
  return placements;
}

const holidays = [
  { naam: 'Herfstvakantie', regio: 'zuid', begin: '2026-10-17', eind: '2026-10-25' },
  { naam: 'Kerstvakantie', regio: 'zuid', begin: '2026-12-19', eind: '2027-01-03' },
];
const settings = { 'school.regio': 'zuid' };

// With --expose-gc, garbage left by the previous step is collected first, so each timing
// covers only its own work. CPU time is shown too: on a busy machine wall time varies.
function time(label, fn) {
  globalThis.gc?.();
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const out = fn();
  const cpu = process.cpuUsage(c0);
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${label}: ${wall.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms cpu`);
  return out;
}

const placements = synth();
const input = { asOf: '2026-12-15', lang: 'nl', placements, holidays, settings, recognitionsImported: true };
console.log(`${PLACEMENTS} placements, ${PLACEMENTS * DAYS} entries`);
runRules({ ...input, placements: placements.slice(0, 500) }); // warm up the JIT
for (let i = 1; i <= 3; i++) {
  const result = time(`runRules, run ${i}`, () => runRules(input));
  if (i === 3) {
    const byRule = {};
    for (const f of result.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    console.log(`findings: ${result.findings.length}`, result.summary, byRule);
  }
}

if (process.argv.includes('--db')) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bpv-bench-'));
  const db = new Database(path.join(dir, 'bench.db'));
  db.pragma('journal_mode = WAL');
  db.exec(MIGRATIONS[0]);
  time('building the database (not part of validate)', () =>
    db.transaction(() => {
      db.prepare(`INSERT INTO companies (id, kvk, naam) VALUES (1, '10000000', 'Bedrijf')`).run();
      db.prepare(`INSERT INTO persons (email, naam) VALUES ('po@bedrijf.nl', 'PO')`).run();
      const st = db.prepare(`INSERT INTO students (studentnummer, voornaam, achternaam, geboortedatum) VALUES (?, 'S', 'T', ?)`);
      const pl = db.prepare(`INSERT INTO placements (id, plaatsing_id, studentnummer, company_id, crebo, niveau, leerweg,
        praktijkopleider_email, startdatum, einddatum, uren_totaal, uren_per_week) VALUES (?, ?, ?, 1, '25491', 3, ?, 'po@bedrijf.nl', ?, ?, 640, 32)`);
      const ts = db.prepare(`INSERT INTO timesheets (placement_id, datum, soort, uren, status, goedgekeurd_op) VALUES (?, ?, ?, ?, ?, ?)`);
      placements.forEach((p, i) => {
        st.run(p.studentnummer, p.geboortedatum);
        pl.run(i + 1, p.plaatsing_id, p.studentnummer, p.leerweg, p.startdatum, p.einddatum);
        for (const e of p.entries) ts.run(i + 1, e.datum, e.soort, e.uren, e.status, e.goedgekeurd_op);
      });
    })(),
  );
  const opts = { asOf: '2026-12-15', lang: 'nl', holidays, settings };
  placements.length = 0; // only the database holds the data from here on
  for (let i = 1; i <= 3; i++) time(`validateDatabase (streaming load + rules), run ${i}`, () => validateDatabase(db, opts));
  const loaded = time('loadValidationInput (everything in memory)', () => loadValidationInput(db, opts));
  time('runRules on that input', () => runRules(loaded));
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
