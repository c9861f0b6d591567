// Reading timesheet entries back in the shape of their import columns (SPEC §3).
import type { TimesheetEntry } from '../domain/types.js';
import type { Db } from './open.js';

/** SPEC §3: the timesheet import columns, plaatsing_id always set. */
export type TimesheetJson = TimesheetEntry & { studentnummer: string };

export interface TimesheetFilter {
  placement?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function listTimesheets(db: Db, f: TimesheetFilter = {}): TimesheetJson[] {
  const where: string[] = [];
  const args: string[] = [];
  if (f.placement) { where.push('p.plaatsing_id = ?'); args.push(f.placement); }
  if (f.from) { where.push('t.datum >= ?'); args.push(f.from); }
  if (f.to) { where.push('t.datum <= ?'); args.push(f.to); }
  return db.prepare(
    `SELECT p.plaatsing_id, p.studentnummer, t.datum, t.uren, t.soort, t.werkzaamheden, t.status,
            t.ingediend_op, t.goedgekeurd_op, t.goedgekeurd_door
       FROM timesheets t JOIN placements p ON p.id = t.placement_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY p.plaatsing_id, t.datum, t.soort`,
  ).all(...args) as TimesheetJson[];
}

export function placementExists(db: Db, plaatsingId: string): boolean {
  return db.prepare('SELECT 1 FROM placements WHERE plaatsing_id = ?').get(plaatsingId) !== undefined;
}
