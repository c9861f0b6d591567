// Every praktijkopleider's report reads the hours on a second thread and connection while this
// one reads the placements (src/report/thread.ts). Both must have read the same state of the
// database: when something was committed in between, the report reads everything again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/db/open.js';
import type { PoReport } from '../src/report/model.js';
import { parseMonth } from '../src/report/month.js';
import { readMonthlyReports, type MonthlyOptions } from '../src/report/monthly.js';
import { readHours } from '../src/report/queries.js';
import { writeFileData } from '../src/report/thread.js';
import { FIXTURES, bpv, tempDir } from './helpers.js';

const month = parseMonth('2026-11');
const asOf = '2026-11-24';
let file: string;

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpv-threads-'));
  file = path.join(dir, 'bpv.db');
  for (const [kind, f] of [['placements', 'plaatsingen.csv'], ['timesheets', 'uren.csv']]) {
    const r = bpv(['import', kind!, path.join(FIXTURES, f!)], { cwd: dir });
    expect(r.code, r.stderr).toBeLessThanOrEqual(1);
  }
  return () => fs.rmSync(dir, { recursive: true, force: true });
});

async function report(opts: Partial<MonthlyOptions> = {}): Promise<PoReport[]> {
  const db = openDb(file, { write: false });
  try {
    return [...(await readMonthlyReports(db, { month, asOf, pok: false, ...opts }))];
  } finally {
    db.close();
  }
}

/** the hours as the second thread reads them: its own connection, one snapshot */
function hoursElsewhere(before?: (w: Database.Database) => void) {
  return async () => {
    // like the thread: what comes after happens while this connection reads
    await new Promise((resolve) => setImmediate(resolve));
    const other = new Database(file);
    try {
      before?.(other);
      other.exec('BEGIN');
      const h = readHours(other, month, null);
      other.exec('COMMIT');
      return h;
    } finally {
      other.close();
    }
  };
}

describe('the monthly report with the hours read elsewhere', () => {
  it('gives the same reports as reading everything on one connection', async () => {
    const here = await report();
    expect(here.length).toBeGreaterThan(3);
    expect(await report({ hours: hoursElsewhere() })).toEqual(here);
    // the thread failed: read here
    expect(await report({ hours: async () => null })).toEqual(here);
  });

  it('reads everything again when a commit came between the two connections', async () => {
    const copy = `${file}.copy.db`;
    fs.copyFileSync(file, copy);
    const original = file;
    file = copy;
    try {
      const before = await report();
      // a placement with hours in the month ends on the 10th, committed after this connection
      // read the placements and before the other one read the hours
      const db = new Database(copy);
      const id = (db.prepare(
        "SELECT p.plaatsing_id FROM placements p JOIN timesheets t ON t.placement_id = p.id WHERE t.datum > '2026-11-10' AND t.datum <= '2026-11-30' AND p.startdatum < '2026-11-01' LIMIT 1",
      ).pluck().get()) as string;
      db.close();
      expect(id).toBeTruthy();
      const mixed = await report({
        hours: hoursElsewhere((w) => w.prepare("UPDATE placements SET einddatum = '2026-11-10' WHERE plaatsing_id = ?").run(id)),
      });
      const after = await report();
      expect(after).not.toEqual(before);
      expect(mixed).toEqual(after);
      const placement = after.flatMap((r) => r.placements).find((p) => p.placement === id)!;
      expect(placement.einddatum).toBe('2026-11-10');
      expect(placement.weeks.at(-1)!.tot).toBe('2026-11-10');
    } finally {
      file = original;
    }
  });

  it('the CLI writes the same CSV files with the thread as without', () => {
    const dir = tempDir();
    const run = (out: string, env: Record<string, string> = {}) => {
      const r = bpv(['--db', file, 'report', 'monthly', '--month', '2026-11', '--as-of', asOf, '--format', 'csv', '--out', path.join(dir, out)], { cwd: dir, env });
      expect(r.code, r.stderr).toBe(0);
      return fs.readdirSync(path.join(dir, out)).sort().map((f) => [f, fs.readFileSync(path.join(dir, out, f), 'utf8')]);
    };
    const threaded = run('a');
    expect(threaded.length).toBeGreaterThan(3);
    expect(run('b', { BPV_THREADS: '1' })).toEqual(threaded);
  });

  it('a run into the folder of an earlier one leaves each report as a run into an empty folder makes it', () => {
    const dir = tempDir();
    const run = (out: string, dialect: string) => {
      const r = bpv(['--db', file, 'report', 'monthly', '--month', '2026-11', '--as-of', asOf, '--format', 'csv', '--csv-dialect', dialect, '--out', path.join(dir, out)], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      return fs.readdirSync(path.join(dir, out)).sort().map((f) => [f, fs.readFileSync(path.join(dir, out, f), 'utf8')]);
    };
    // rfc4180 after excel: every file shorter than the one it overwrites (no mark, no CR, ISO dates)
    const fresh = run('rfc', 'rfc4180');
    const excel = run('again', 'excel');
    expect(excel.length).toBe(fresh.length);
    expect(excel[0]![1]).not.toEqual(fresh[0]![1]);
    expect(run('again', 'rfc4180')).toEqual(fresh);
  });
});

describe('writing a report file', () => {
  it('replaces a PDF whole (a new file renamed over it), and writes a CSV in place', () => {
    const dir = tempDir();
    const pdf = path.join(dir, 'r.pdf');
    writeFileData(pdf, new Uint8Array(Buffer.from('%PDF oud')));
    const before = fs.statSync(pdf).ino;
    writeFileData(pdf, new Uint8Array(Buffer.from('%PDF nieuw, langer')));
    // another file: until the rename the earlier PDF was there whole, whatever happened
    expect(fs.statSync(pdf).ino).not.toBe(before);
    expect(fs.readFileSync(pdf, 'latin1')).toBe('%PDF nieuw, langer');
    const csv = path.join(dir, 'r.csv');
    writeFileData(csv, { text: 'a;b\r\n1;2\r\n', bom: false });
    const csvIno = fs.statSync(csv).ino;
    writeFileData(csv, { text: 'a;b\r\n', bom: false });
    expect([fs.statSync(csv).ino, fs.readFileSync(csv, 'utf8')]).toEqual([csvIno, 'a;b\r\n']);
    expect(fs.readdirSync(dir).sort()).toEqual(['r.csv', 'r.pdf']);
  });
});
