// AVG (GDPR): everything held on one student, and removing the personal data of placements
// that ended long enough ago (SPEC §7). The audit log keeps that a purge happened, never the data.
import { audit } from './audit.js';
import type { Db } from './open.js';
import { listPlacements, placementJson } from './placements.js';
import { listTimesheets } from './timesheets.js';
import { UsageError } from '../errors.js';
import { todayIso } from '../domain/dates.js';
import { msg } from '../i18n/messages.js';

export function exportStudent(db: Db, studentnummer: string): Record<string, unknown> {
  // the student's columns under the names an import and `placements --json` give them (SPEC §2)
  const student = db.prepare(
    'SELECT studentnummer, voornaam, tussenvoegsel, achternaam, geboortedatum, email AS email_student FROM students WHERE studentnummer = ?',
  ).get(studentnummer);
  if (!student) throw new UsageError(msg().studentNotFound(studentnummer));
  const placements = listPlacements(db).filter((p) => p.studentnummer === studentnummer);
  const ids = placements.map((p) => p.plaatsing_id);
  const pok = db.prepare(
    `SELECT p.plaatsing_id AS placement, v.version, v.generated_on, v.sha256, v.data_json
       FROM pok_versions v JOIN placements p ON p.id = v.placement_id WHERE p.studentnummer = ? ORDER BY 1, 2`,
  ).all(studentnummer) as { placement: string; version: number; generated_on: string; sha256: string; data_json: string }[];
  const signatures = db.prepare(
    `SELECT p.plaatsing_id AS placement, s.version, s.party, s.signed_on, s.name
       FROM pok_signatures s JOIN placements p ON p.id = s.placement_id WHERE p.studentnummer = ? ORDER BY 1, 2, 3`,
  ).all(studentnummer);
  const keys = [studentnummer, ...ids];
  const changes = db.prepare(
    `SELECT a.at, a.os_user, a.command, c.entity, c.entity_key, c.field, c.old_value, c.new_value
       FROM audit_changes c JOIN audit_log a ON a.id = c.audit_id
      WHERE c.entity_key IN (SELECT value FROM json_each(?)) OR ${ids.map(() => 'c.entity_key LIKE ?').join(' OR ') || '0'}
      ORDER BY a.id`,
  ).all(JSON.stringify(keys), ...ids.map((id) => `${id}/%`));
  // the free text that `placements end` and `hours correct` keep, which the lists do not show
  const endNotes = new Map(db.prepare('SELECT plaatsing_id, beeindigd_notitie FROM placements WHERE studentnummer = ?').raw().all(studentnummer) as [string, string | null][]);
  const correctionNotes = new Map(
    (db.prepare(
      `SELECT p.plaatsing_id || '/' || t.datum || '/' || t.soort, t.correctie_notitie
         FROM timesheets t JOIN placements p ON p.id = t.placement_id WHERE p.studentnummer = ? AND t.correctie_notitie IS NOT NULL`,
    ).raw().all(studentnummer) as [string, string][]),
  );
  // what was done by hand to these placements, with its notes (approver, reason, remarks)
  const actions = db.prepare(
    `SELECT at, os_user, command, details FROM audit_log
      WHERE json_extract(details, '$.placement') IN (SELECT value FROM json_each(?)) ORDER BY id`,
  ).all(JSON.stringify(ids)) as { details: string }[];
  return {
    student,
    placements: placements.map((p) => ({ ...placementJson(p), beeindigd_notitie: endNotes.get(p.plaatsing_id) ?? null })),
    timesheets: ids.flatMap((id) => listTimesheets(db, { placement: id })).map((t) => ({
      ...t, correctie_notitie: correctionNotes.get(`${t.plaatsing_id}/${t.datum}/${t.soort}`) ?? null,
    })),
    pok: pok.map(({ data_json, ...v }) => ({ ...v, data: JSON.parse(data_json) as unknown })),
    pok_signatures: signatures,
    audit_changes: changes,
    audit_log: actions.map((a) => ({ ...a, details: JSON.parse(a.details) as unknown })),
  };
}

export interface PurgeResult {
  placements: number;
  students: number;
  persons: number;
  timesheets: number;
  pok_versions: number;
  audit_changes: number;
}

/**
 * `today`: a date after it is refused. A placement that ends after today has not ended: a
 * mistyped year (2027 for 2026) would remove running placements, their hours and signed POKs.
 */
export function purgeEndedBefore(db: Db, date: string, dryRun: boolean, today: string = todayIso()): PurgeResult {
  if (date > today) throw new UsageError(msg().purgeAfterToday(date, today));
  // Deleted pages are overwritten, not just unlinked: the data must really be gone.
  db.pragma('secure_delete = ON');
  const run = db.transaction((): PurgeResult => {
    db.exec('CREATE TEMP TABLE purge_placements (id INTEGER PRIMARY KEY, plaatsing_id TEXT, studentnummer TEXT)');
    db.prepare(`INSERT INTO purge_placements SELECT id, plaatsing_id, studentnummer FROM placements WHERE ifnull(beeindigd_op, einddatum) < ?`).run(date);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const r: PurgeResult = {
      placements: count('SELECT count(*) AS n FROM purge_placements'),
      timesheets: count('SELECT count(*) AS n FROM timesheets WHERE placement_id IN (SELECT id FROM purge_placements)'),
      pok_versions: count('SELECT count(*) AS n FROM pok_versions WHERE placement_id IN (SELECT id FROM purge_placements)'),
      students: 0, persons: 0, audit_changes: 0,
    };
    db.exec(`
      DELETE FROM pok_signatures WHERE placement_id IN (SELECT id FROM purge_placements);
      DELETE FROM pok_versions WHERE placement_id IN (SELECT id FROM purge_placements);
      DELETE FROM timesheets WHERE placement_id IN (SELECT id FROM purge_placements);
      DELETE FROM placements WHERE id IN (SELECT id FROM purge_placements);
      CREATE TEMP TABLE purge_students AS
        SELECT DISTINCT studentnummer FROM purge_placements WHERE studentnummer NOT IN (SELECT studentnummer FROM placements);
      CREATE TEMP TABLE purge_persons AS
        SELECT email FROM persons WHERE email NOT IN (
          SELECT praktijkopleider_email FROM placements
          UNION SELECT werkbegeleider_email FROM placements WHERE werkbegeleider_email IS NOT NULL
          UNION SELECT bpv_begeleider_email FROM placements WHERE bpv_begeleider_email IS NOT NULL);
    `);
    r.students = count('SELECT count(*) AS n FROM purge_students');
    r.persons = count('SELECT count(*) AS n FROM purge_persons');
    const auditWhere = `entity_key IN (SELECT studentnummer FROM purge_students UNION SELECT email FROM purge_persons UNION SELECT plaatsing_id FROM purge_placements)
       OR EXISTS (SELECT 1 FROM purge_placements p WHERE audit_changes.entity_key LIKE p.plaatsing_id || '/%')`;
    r.audit_changes = count(`SELECT count(*) AS n FROM audit_changes WHERE ${auditWhere}`);
    // What was done by hand to these placements stays in the log (that it happened, when, by
    // which account); its details go: the placement, and notes, reasons and names about it.
    db.exec(`
      DELETE FROM audit_changes WHERE ${auditWhere};
      UPDATE audit_log SET details = NULL WHERE json_extract(details, '$.placement') IN (SELECT plaatsing_id FROM purge_placements);
      DELETE FROM students WHERE studentnummer IN (SELECT studentnummer FROM purge_students);
      DELETE FROM persons WHERE email IN (SELECT email FROM purge_persons);
      DROP TABLE purge_placements; DROP TABLE purge_students; DROP TABLE purge_persons;
    `);
    if (dryRun) throw new DryRun(r);
    audit(db, { command: 'student purge', details: { ended_before: date }, counts: { ...r } });
    return r;
  });
  try {
    const r = run.immediate();
    // Earlier updates left old values in freed space that secure_delete never saw; rebuilding
    // the file and emptying the WAL leaves no copy of purged data anywhere in it.
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return r;
  } catch (e) {
    if (e instanceof DryRun) return e.result;
    throw e;
  }
}

/** Rolls the purge back after counting: a dry run reports exactly what a real one would do. */
class DryRun extends Error {
  constructor(readonly result: PurgeResult) {
    super('dry run');
  }
}
