// bpv db backup | check, and the at-a-glance counts of bpv status.
import fs from 'node:fs';
import { msg } from '../i18n/messages.js';
import type { Db } from './open.js';

/** A consistent copy while other processes keep working (SQLite's online backup API). */
export async function backupTo(db: Db, target: string): Promise<void> {
  // made 0600 before the first page is copied: a backup killed halfway held the data in a
  // file anyone could read (umask 022), as did a copy in progress
  fs.closeSync(fs.openSync(target, 'wx', 0o600));
  try {
    await db.backup(target);
  } catch (e) {
    fs.rmSync(target, { force: true });
    throw e;
  }
  fs.chmodSync(target, 0o600);
}

export function checkDb(db: Db): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  for (const r of integrity) if (r.integrity_check !== 'ok') problems.push(r.integrity_check);
  const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const r of fk) problems.push(msg().checkReference(r.table, r.rowid, r.parent));
  return problems;
}

export interface StatusCounts {
  placements: number;
  active: number;
  students: number;
  companies: number;
  praktijkopleiders: number;
  timesheet_entries: number;
}

export function statusCounts(db: Db, today: string): StatusCounts {
  const one = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
  return {
    placements: one('SELECT count(*) AS n FROM placements'),
    active: one('SELECT count(*) AS n FROM placements WHERE startdatum <= ? AND ifnull(beeindigd_op, einddatum) >= ?', today, today),
    students: one('SELECT count(*) AS n FROM students'),
    companies: one('SELECT count(*) AS n FROM companies'),
    praktijkopleiders: one('SELECT count(DISTINCT praktijkopleider_email) AS n FROM placements'),
    timesheet_entries: one('SELECT count(*) AS n FROM timesheets'),
  };
}
