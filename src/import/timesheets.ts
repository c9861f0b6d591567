// Import of timesheets (SPEC §2): one row per student per day per soort. A row names its
// placement by plaatsing_id, or by studentnummer and the date that falls in its period.
import type Database from 'better-sqlite3';
import type { Db } from '../db/open.js';
import type { FieldChange } from '../db/audit.js';
import { toDay } from '../rules/dates.js';
import { SOORTEN, STATUSES, type Soort, type TimesheetStatus } from '../domain/types.js';
import { fmtDate } from '../i18n/lang.js';
import { msg } from '../i18n/messages.js';
import type { ColumnSpec } from './headers.js';
import type { ImportKind, KindWriter, LoadHint, WriteOutcome } from './run.js';
import type { RowCodec, RowContext } from './row.js';
import { parseDate, parseHours, parseOneOf } from './values.js';
import { BatchInserter } from './batch-insert.js';

export const TIMESHEET_COLUMNS: readonly ColumnSpec[] = [
  { name: 'plaatsing_id', required: false },
  { name: 'studentnummer', required: false },
  { name: 'datum', required: true },
  { name: 'uren', required: true },
  { name: 'soort', required: false },
  { name: 'werkzaamheden', required: false },
  { name: 'status', required: false },
  { name: 'ingediend_op', required: false },
  { name: 'goedgekeurd_op', required: false },
  { name: 'goedgekeurd_door', required: false },
];

export interface TimesheetRow {
  plaatsing_id: string | null;
  studentnummer: string | null;
  datum: string;
  uren: number;
  soort: Soort;
  werkzaamheden: string | null;
  status: TimesheetStatus;
  ingediend_op: string | null;
  goedgekeurd_op: string | null;
  goedgekeurd_door: string | null;
  /** resolved by the writer */
  placementId?: number;
}

const parseSoort = (v: string) => parseOneOf(v, SOORTEN);
const parseStatus = (v: string) => parseOneOf(v, STATUSES);

export function parseTimesheetRow(ctx: RowContext): TimesheetRow | undefined {
  const plaatsing_id = ctx.get('plaatsing_id');
  const studentnummer = ctx.get('studentnummer');
  if (!plaatsing_id && !studentnummer) ctx.error('plaatsing_id', msg().tsNeedsPlacementOrStudent());
  const datum = ctx.parse('datum', parseDate, true);
  const uren = ctx.parse('uren', parseHours, true);
  if (uren !== null && uren > 24) ctx.error('uren', msg().tsHoursRange(ctx.raw('uren')));
  const soort = ctx.parse('soort', parseSoort, false) ?? 'gewerkt';
  const status = ctx.parse('status', parseStatus, false) ?? 'ingediend';
  const ingediend_op = ctx.parse('ingediend_op', parseDate, false);
  const goedgekeurd_op = ctx.parse('goedgekeurd_op', parseDate, false);
  if (status === 'goedgekeurd' && !goedgekeurd_op && !ctx.get('goedgekeurd_op')) ctx.error('goedgekeurd_op', msg().tsApprovedNeedsDate());
  if (ctx.errors.length) return undefined;
  return {
    plaatsing_id, studentnummer, datum: datum!, uren: uren!, soort, werkzaamheden: ctx.get('werkzaamheden'), status,
    ingediend_op, goedgekeurd_op, goedgekeurd_door: ctx.get('goedgekeurd_door'),
  };
}

/** A timesheet row as values in the order of TIMESHEET_COLUMNS. */
export const timesheetCodec: RowCodec<TimesheetRow> = {
  sources: TIMESHEET_COLUMNS.map((c) => c.name),
  pack: (r) => [r.plaatsing_id, r.studentnummer, r.datum, r.uren, r.soort, r.werkzaamheden, r.status, r.ingediend_op, r.goedgekeurd_op, r.goedgekeurd_door],
  unpack: (v) => ({
    plaatsing_id: v[0] as string | null,
    studentnummer: v[1] as string | null,
    datum: v[2] as string,
    uren: v[3] as number,
    soort: v[4] as Soort,
    werkzaamheden: v[5] as string | null,
    status: v[6] as TimesheetStatus,
    ingediend_op: v[7] as string | null,
    goedgekeurd_op: v[8] as string | null,
    goedgekeurd_door: v[9] as string | null,
  }),
};

interface Candidate {
  id: number;
  plaatsing_id: string;
  studentnummer: string;
  startdatum: string;
  /** the effective end */
  einddatum: string;
}

const FIELDS = ['uren', 'werkzaamheden', 'status', 'ingediend_op', 'goedgekeurd_op', 'goedgekeurd_door'] as const;
type Stored = Record<(typeof FIELDS)[number], string | number | null>;
/** an entry's approval: other hours replace it, whatever columns the file has (SPEC §2) */
const APPROVAL: ReadonlySet<string> = new Set(['status', 'goedgekeurd_op', 'goedgekeurd_door']);

function timesheetWriter(db: Db, { has }: LoadHint): KindWriter<TimesheetRow> {
  /** the optional fields whose column this file lacks: those stay as stored (see LoadHint.has) */
  const absent = FIELDS.filter((f) => f !== 'uren' && !has(f));
  // Each placement the file names is looked up once, when first named: reading all of them up
  // front cost half a second on a database of 100,000 placements, whatever the file's size.
  // a row by studentnummer goes to the placement whose period holds its date, up to the
  // effective end: after a BPV broken off, the student's next placement (SPEC §4)
  const COLUMNS = 'SELECT id, plaatsing_id, studentnummer, startdatum, ifnull(beeindigd_op, einddatum) AS einddatum FROM placements';
  const byIdQuery = db.prepare(`${COLUMNS} WHERE plaatsing_id = ?`);
  const byStudentQuery = db.prepare(`${COLUMNS} WHERE studentnummer = ? ORDER BY startdatum`);
  const byPlaatsingId = new Map<string, Candidate | null>();
  const byStudent = new Map<string, Candidate[]>();
  const plaatsingIdOf = new Map<number, string>();
  // an export lists a placement's days together: most rows name the one before's placement
  let lastId = '';
  let last: Candidate | null = null;
  const placement = (plaatsingId: string): Candidate | null => {
    if (plaatsingId === lastId) return last;
    let p = byPlaatsingId.get(plaatsingId);
    if (p === undefined) {
      p = (byIdQuery.get(plaatsingId) as Candidate | undefined) ?? null;
      byPlaatsingId.set(plaatsingId, p);
      if (p) plaatsingIdOf.set(p.id, p.plaatsing_id);
    }
    lastId = plaatsingId;
    last = p;
    return p;
  };
  const zerosQuery = db.prepare("SELECT studentnummer FROM students WHERE studentnummer GLOB '0*' AND ltrim(studentnummer, '0') = ? LIMIT 1").pluck();
  const withZeros = (nr: string): string | undefined =>
    /^[1-9]\d*$/.test(nr) ? (zerosQuery.get(nr) as string | undefined) : undefined;
  const placementsOf = (studentnummer: string): Candidate[] => {
    let list = byStudent.get(studentnummer);
    if (list === undefined) {
      list = byStudentQuery.all(studentnummer) as Candidate[];
      byStudent.set(studentnummer, list);
      for (const p of list) plaatsingIdOf.set(p.id, p.plaatsing_id);
    }
    return list;
  };
  const insert = db.prepare(
    `INSERT INTO timesheets (placement_id, datum, soort, ${FIELDS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (placement_id, datum, soort) DO NOTHING`,
  );
  const batch = new BatchInserter(db, 'timesheets', ['placement_id', 'datum', 'soort', ...FIELDS], 'placement_id, datum, soort');
  const select = db.prepare(`SELECT ${FIELDS.join(', ')} FROM timesheets WHERE placement_id = ? AND datum = ? AND soort = ?`);
  const soortIndex = new Map(SOORTEN.map((s, i) => [s, i]));
  // one UPDATE a set of changed fields, prepared once: preparing it for each changed row was
  // 0.56 s of a re-import of a million rows with a tenth changed
  const updates = new Map<string, Database.Statement<unknown[]>>();
  const update = (changed: readonly string[]) => {
    const k = changed.join(',');
    let st = updates.get(k);
    if (!st) {
      st = db.prepare(`UPDATE timesheets SET ${changed.map((f) => `${f} = ?`).join(', ')} WHERE placement_id = ? AND datum = ? AND soort = ?`);
      updates.set(k, st);
    }
    return st;
  };
  // Whether the last batch was all new. A nightly re-import brings rows that are there: trying
  // each batch as new first (a multi-row insert, undone) was 2.5 s of a million such rows. So
  // after a batch that was not, rows go one by one until a batch is all new again.
  let lastAllNew = true;
  const describe = (c: Candidate) => `${c.plaatsing_id} (${fmtDate(c.startdatum)} t/m ${fmtDate(c.einddatum)})`;

  return {
    key(row, ctx) {
      let p: Candidate | undefined;
      if (row.plaatsing_id) {
        p = placement(row.plaatsing_id) ?? undefined;
        if (!p) return void ctx.error('plaatsing_id', msg().placementNotFound(row.plaatsing_id));
        if (row.studentnummer && row.studentnummer !== p.studentnummer) {
          return void ctx.error('studentnummer', msg().tsStudentMismatch(row.studentnummer, p.plaatsing_id, p.studentnummer));
        }
      } else {
        const list = placementsOf(row.studentnummer!);
        const hits = list.filter((c) => c.startdatum <= row.datum && row.datum <= c.einddatum);
        if (hits.length !== 1) {
          // a student unknown under this number may be known with the leading zeros Excel dropped
          const meant = list.length === 0 ? withZeros(row.studentnummer!) : undefined;
          return void ctx.error('studentnummer', hits.length === 0
            ? msg().tsNoPlacement(row.studentnummer!, fmtDate(row.datum), list.map(describe)) + (meant ? msg().leadingZerosMeant(meant) : '')
            : msg().tsSeveralPlacements(row.studentnummer!, fmtDate(row.datum), hits.map(describe)));
        }
        p = hits[0]!;
      }
      row.placementId = p.id;
      // a number, not a string: a million keys stay small in memory
      return p.id * 400_000 + toDay(row.datum) * 4 + soortIndex.get(row.soort)!;
    },
    writeMany(items) {
      if (lastAllNew) {
        const args: unknown[] = [];
        for (const { row } of items) {
          args.push(row.placementId, row.datum, row.soort, row.uren, row.werkzaamheden, row.status, row.ingediend_op, row.goedgekeurd_op, row.goedgekeurd_door);
        }
        if (batch.insertAllNew(items.length, args)) return items.map(() => ({ status: 'inserted' as const }));
      }
      const outcomes = items.map(({ row, ctx }) => this.write(row, ctx));
      lastAllNew = outcomes.every((o) => o.status === 'inserted');
      return outcomes;
    },
    write(row): WriteOutcome {
      const values: Stored = {
        uren: row.uren, werkzaamheden: row.werkzaamheden, status: row.status, ingediend_op: row.ingediend_op,
        goedgekeurd_op: row.goedgekeurd_op, goedgekeurd_door: row.goedgekeurd_door,
      };
      const id = row.placementId!;
      // looked up first: on this path most rows are there (a re-import)
      const old = select.get(id, row.datum, row.soort) as Stored | undefined;
      if (old === undefined) {
        insert.run(id, row.datum, row.soort, ...FIELDS.map((f) => values[f]));
        return { status: 'inserted' };
      }
      const sameHours = old.uren === row.uren;
      for (const f of absent) if (sameHours || !APPROVAL.has(f)) values[f] = old[f];
      // An approval given in bpv is never taken back by an import that brings the same hours.
      if (old.status === 'goedgekeurd' && sameHours) {
        values.status = old.status;
        values.goedgekeurd_op = old.goedgekeurd_op;
        values.goedgekeurd_door = old.goedgekeurd_door;
      }
      // Nor a correction asked in bpv by an export that still has the entry as it was: the same
      // hours, text and submission date, submitted or in concept. Changed hours or text, or a
      // later submission, are the correction.
      if (
        old.status === 'correctie' && sameHours && old.werkzaamheden === values.werkzaamheden && old.ingediend_op === values.ingediend_op &&
        (values.status === 'ingediend' || values.status === 'concept')
      ) {
        values.status = old.status;
      }
      const changed = FIELDS.filter((f) => old[f] !== values[f]);
      if (!changed.length) return { status: 'unchanged' };
      update(changed).run(...changed.map((f) => values[f]), id, row.datum, row.soort);
      const key = `${plaatsingIdOf.get(id)}/${row.datum}/${row.soort}`;
      const changes: FieldChange[] = changed.map((f) => ({ entity: 'uren', key, field: f, old: old[f], new: values[f] }));
      return { status: 'updated', changes };
    },
  };
}

export const timesheetsImport: ImportKind<TimesheetRow> = {
  kind: 'timesheets',
  columns: TIMESHEET_COLUMNS,
  keyColumn: 'datum',
  requireOneOf: [['plaatsing_id', 'studentnummer']],
  parse: parseTimesheetRow,
  codec: timesheetCodec,
  table: 'timesheets',
  rowBytes: 100,
  writer: timesheetWriter,
};
