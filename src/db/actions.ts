// What a coordinator does by hand (SPEC §3): approve a week, ask for a correction, end a BPV
// early. Each is one transaction with its audit entry.
import { APPROVAL_DAYS } from '../rules/akkoord-verlopen.js';
import { audit, type FieldChange } from './audit.js';
import type { Db } from './open.js';
import { BpvError, EXIT, UsageError } from '../errors.js';
import { msg } from '../i18n/messages.js';
import { fmtDate } from '../i18n/lang.js';
import { mondayOfIsoWeek, toDay, toIso } from '../rules/dates.js';
import type { EndReason } from '../domain/types.js';

interface PlacementRef {
  id: number;
  plaatsing_id: string;
  startdatum: string;
  einddatum: string;
  effective_end: string;
}

function placementRef(db: Db, plaatsingId: string): PlacementRef {
  const p = db
    .prepare('SELECT id, plaatsing_id, startdatum, einddatum, ifnull(beeindigd_op, einddatum) AS effective_end FROM placements WHERE plaatsing_id = ?')
    .get(plaatsingId) as PlacementRef | undefined;
  if (!p) throw new UsageError(msg().placementNotFound(plaatsingId));
  return p;
}

export function weekRange(week: string): { from: string; to: string } {
  const monday = mondayOfIsoWeek(week);
  if (monday === null) throw new UsageError(msg().badWeek(week));
  return { from: toIso(monday), to: toIso(monday + 6) };
}

/** Refused when the approval would come after the window of §4 akkoord-verlopen. */
export class ApprovalRefused extends BpvError {
  constructor(message: string) {
    super(message, EXIT.partial);
  }
}

export interface ApproveResult {
  placement: string;
  week: string;
  approved: number;
  alreadyApproved: number;
}

export function approveWeek(db: Db, plaatsingId: string, week: string, on: string, by: string | null, today: string): ApproveResult {
  const p = placementRef(db, plaatsingId);
  const week_ = weekRange(week);
  // hours outside the period are no BPV hours (buiten-periode): a week wholly outside it is
  // refused, and of a week across its start or end only the days inside are approved
  if (week_.to < p.startdatum || week_.from > p.effective_end) {
    throw new UsageError(msg().weekOutsidePeriod(plaatsingId, week, fmtDate(p.startdatum), fmtDate(p.effective_end)));
  }
  const from = week_.from < p.startdatum ? p.startdatum : week_.from;
  const to = week_.to > p.effective_end ? p.effective_end : week_.to;
  const lastDay = toIso(toDay(p.effective_end) + APPROVAL_DAYS);
  if (on > lastDay) throw new ApprovalRefused(msg().approvalTooLate(plaatsingId, fmtDate(p.effective_end), fmtDate(lastDay)));
  if (on > today) throw new UsageError(msg().approvalInFuture(fmtDate(on)));
  return db.transaction(() => {
    const rows = db
      .prepare('SELECT datum, soort, status, ingediend_op FROM timesheets WHERE placement_id = ? AND datum BETWEEN ? AND ? ORDER BY datum, soort')
      .all(p.id, from, to) as { datum: string; soort: string; status: string; ingediend_op: string | null }[];
    if (!rows.length) throw new BpvError(msg().weekEmpty(plaatsingId, week), EXIT.partial);
    const open = rows.filter((r) => r.status !== 'goedgekeurd');
    // an approval comes after the hours it approves, and after they were submitted: a date
    // before them (a typo in --on) would hide a late approval from akkoord-te-laat
    let after = '';
    for (const r of open) for (const d of [r.datum, r.ingediend_op]) if (d && d > after) after = d;
    if (on < after) throw new UsageError(msg().approvalBeforeHours(fmtDate(on), fmtDate(after)));
    db.prepare(`UPDATE timesheets SET status = 'goedgekeurd', goedgekeurd_op = ?, goedgekeurd_door = ?
                 WHERE placement_id = ? AND datum BETWEEN ? AND ? AND status <> 'goedgekeurd'`).run(on, by, p.id, from, to);
    const changes: FieldChange[] = open.map((r) => ({ entity: 'uren', key: `${plaatsingId}/${r.datum}/${r.soort}`, field: 'status', old: r.status, new: 'goedgekeurd' }));
    audit(db, { command: 'hours approve', details: { placement: plaatsingId, week, on, by }, counts: { approved: open.length }, changes });
    return { placement: plaatsingId, week, approved: open.length, alreadyApproved: rows.length - open.length };
  }).immediate();
}

export function requestCorrection(db: Db, plaatsingId: string, range: { from: string; to: string; label: string }, note: string | null): { entries: number; withdrawn: number } {
  const p = placementRef(db, plaatsingId);
  return db.transaction(() => {
    const rows = db
      .prepare('SELECT datum, soort, status FROM timesheets WHERE placement_id = ? AND datum BETWEEN ? AND ?')
      .all(p.id, range.from, range.to) as { datum: string; soort: string; status: string }[];
    if (!rows.length) throw new BpvError(msg().weekEmpty(plaatsingId, range.label), EXIT.partial);
    db.prepare(`UPDATE timesheets SET status = 'correctie', correctie_notitie = ?, goedgekeurd_op = NULL, goedgekeurd_door = NULL
                 WHERE placement_id = ? AND datum BETWEEN ? AND ?`).run(note, p.id, range.from, range.to);
    const changes: FieldChange[] = rows
      .filter((r) => r.status !== 'correctie')
      .map((r) => ({ entity: 'uren', key: `${plaatsingId}/${r.datum}/${r.soort}`, field: 'status', old: r.status, new: 'correctie' }));
    const withdrawn = rows.filter((r) => r.status === 'goedgekeurd').length;
    audit(db, { command: 'hours correct', details: { placement: plaatsingId, range: range.label, note }, counts: { entries: rows.length, withdrawn }, changes });
    return { entries: rows.length, withdrawn };
  }).immediate();
}

export function endPlacement(db: Db, plaatsingId: string, date: string, reason: EndReason, note: string | null): { old: string | null } {
  const p = placementRef(db, plaatsingId);
  if (date < p.startdatum) throw new UsageError(msg().endBeforePlacementStart(date, p.startdatum));
  if (date > p.einddatum) throw new UsageError(msg().endAfterPlacementEnd(date, p.einddatum));
  return db.transaction(() => {
    const old = db.prepare('SELECT beeindigd_op, beeindigd_reden, beeindigd_notitie FROM placements WHERE id = ?').get(p.id) as
      { beeindigd_op: string | null; beeindigd_reden: string | null; beeindigd_notitie: string | null };
    db.prepare('UPDATE placements SET beeindigd_op = ?, beeindigd_reden = ?, beeindigd_notitie = ? WHERE id = ?').run(date, reason, note, p.id);
    const changes: FieldChange[] = [
      { entity: 'plaatsing', key: plaatsingId, field: 'beeindigd_op', old: old.beeindigd_op, new: date },
      { entity: 'plaatsing', key: plaatsingId, field: 'beeindigd_reden', old: old.beeindigd_reden, new: reason },
      { entity: 'plaatsing', key: plaatsingId, field: 'beeindigd_notitie', old: old.beeindigd_notitie, new: note },
    ].filter((c) => c.old !== c.new);
    audit(db, { command: 'placements end', details: { placement: plaatsingId, date, reason, note }, changes });
    return { old: old.beeindigd_op };
  }).immediate();
}

/** Placement-weeks with entries still waiting for the praktijkopleider's approval. */
export function weeksWaitingForApproval(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n FROM (
      SELECT DISTINCT placement_id, date(datum, '-' || ((CAST(strftime('%w', datum) AS INTEGER) + 6) % 7) || ' days')
        FROM timesheets WHERE status = 'ingediend')`).get() as { n: number }).n;
}
