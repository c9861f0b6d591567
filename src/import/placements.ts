// Import of placements (SPEC §2): one row per placement; its student, company and
// supervisors are upserted with it.
import type { Db } from '../db/open.js';
import type { FieldChange } from '../db/audit.js';
import { msg } from '../i18n/messages.js';
import type { ColumnSpec } from './headers.js';
import type { ImportKind, KindWriter, LoadHint, WriteOutcome } from './run.js';
import type { RowCodec, RowContext, RowWarning } from './row.js';
import { BatchInserter } from './batch-insert.js';
import { SharedRecords, type Value } from './shared-records.js';
import {
  parseCrebo, parseDate, parseDigits, parseEmail, parseHours, parseJaNee, parseLeerweg, parseNiveau, parsePostcode,
} from './values.js';

const req = (name: string): ColumnSpec => ({ name, required: true });
const opt = (name: string): ColumnSpec => ({ name, required: false });

export const PLACEMENT_COLUMNS: readonly ColumnSpec[] = [
  opt('plaatsing_id'), req('studentnummer'), req('voornaam'), opt('tussenvoegsel'), req('achternaam'),
  opt('geboortedatum'), opt('email_student'), opt('opleiding'), req('crebo'), req('niveau'), req('leerweg'),
  req('leerbedrijf'), req('kvk'), opt('vestigingsnummer'), opt('adres'), opt('postcode'), opt('plaats'),
  req('praktijkopleider'), req('email_praktijkopleider'), opt('telefoon_praktijkopleider'),
  opt('werkbegeleider'), opt('email_werkbegeleider'), opt('bpv_begeleider'), opt('email_bpv_begeleider'),
  req('startdatum'), req('einddatum'), req('uren_totaal'), req('uren_per_week'), opt('leerdoelen'), opt('vakantiewerk'),
];

interface Person {
  naam: string;
  email: string;
  telefoon: string | null;
}

export interface PlacementRow {
  plaatsing_id: string | null;
  studentnummer: string;
  student: { voornaam: string; tussenvoegsel: string | null; achternaam: string; geboortedatum: string | null; email: string | null };
  company: { kvk: string; vestigingsnummer: string | null; naam: string; adres: string | null; postcode: string | null; plaats: string | null };
  praktijkopleider: Person;
  werkbegeleider: Person | null;
  bpv_begeleider: Person | null;
  opleiding: string | null;
  crebo: string;
  niveau: number;
  leerweg: 'BOL' | 'BBL';
  startdatum: string;
  einddatum: string;
  uren_totaal: number;
  uren_per_week: number;
  leerdoelen: string | null;
  vakantiewerk: boolean;
  /** parsed on the reading thread: the numbers of its keys there (placementCodec.handles); -1 for none */
  refs?: { company: number; persons: readonly [number, number, number] };
}

function optionalPerson(ctx: RowContext, nameCol: string, emailCol: string): Person | null {
  const naam = ctx.get(nameCol);
  const email = ctx.parse(emailCol, parseEmail, false);
  if (naam && !email && !ctx.get(emailCol)) ctx.error(emailCol, msg().personNeedsEmail(naam));
  if (!naam && email) ctx.error(nameCol, msg().personNeedsName(email));
  return naam && email ? { naam, email, telefoon: null } : null;
}

export function parsePlacementRow(ctx: RowContext): PlacementRow | undefined {
  const plaatsing_id = ctx.get('plaatsing_id');
  const studentnummer = ctx.required('studentnummer');
  const voornaam = ctx.required('voornaam');
  const tussenvoegsel = ctx.get('tussenvoegsel');
  const achternaam = ctx.required('achternaam');
  const geboortedatum = ctx.parse('geboortedatum', parseDate, false);
  const emailStudent = ctx.parse('email_student', parseEmail, false);
  const opleiding = ctx.get('opleiding');
  const crebo = ctx.parse('crebo', parseCrebo, true);
  const niveau = ctx.parse('niveau', parseNiveau, true);
  const leerweg = ctx.parse('leerweg', parseLeerweg, true);
  const leerbedrijf = ctx.required('leerbedrijf');
  const kvk = ctx.parse('kvk', (v) => parseDigits(v, 8, 'kvk'), true);
  const vestigingsnummer = ctx.parse('vestigingsnummer', (v) => parseDigits(v, 12, 'vestigingsnummer'), false);
  const postcode = ctx.parse('postcode', parsePostcode, false);
  const poNaam = ctx.required('praktijkopleider');
  const poEmail = ctx.parse('email_praktijkopleider', parseEmail, true);
  const werkbegeleider = optionalPerson(ctx, 'werkbegeleider', 'email_werkbegeleider');
  const bpvBegeleider = optionalPerson(ctx, 'bpv_begeleider', 'email_bpv_begeleider');
  const startdatum = ctx.parse('startdatum', parseDate, true);
  const einddatum = ctx.parse('einddatum', parseDate, true);
  const urenTotaal = ctx.parse('uren_totaal', parseHours, true);
  const urenPerWeek = ctx.parse('uren_per_week', parseHours, true);
  const vakantiewerk = ctx.parse('vakantiewerk', parseJaNee, false);

  if (startdatum && einddatum && einddatum < startdatum) ctx.error('einddatum', msg().endBeforeStart(ctx.raw('einddatum'), ctx.raw('startdatum')));
  if (geboortedatum && startdatum && geboortedatum >= startdatum) ctx.error('geboortedatum', msg().bornAfterStart(ctx.raw('geboortedatum')));
  if (urenTotaal !== null && urenTotaal <= 0) ctx.error('uren_totaal', msg().mustBePositive(ctx.raw('uren_totaal')));
  if (urenPerWeek !== null && (urenPerWeek <= 0 || urenPerWeek > 60)) ctx.error('uren_per_week', msg().hoursPerWeekRange(ctx.raw('uren_per_week')));
  if (ctx.errors.length) return undefined;
  // without the column at all, columnWarnings says it once for the file
  if (!geboortedatum && ctx.has('geboortedatum')) ctx.warn('geboortedatum', msg().noBirthDate());

  return {
    plaatsing_id,
    studentnummer: studentnummer!,
    student: { voornaam: voornaam!, tussenvoegsel, achternaam: achternaam!, geboortedatum, email: emailStudent },
    company: { kvk: kvk!, vestigingsnummer, naam: leerbedrijf!, adres: ctx.get('adres'), postcode, plaats: ctx.get('plaats') },
    praktijkopleider: { naam: poNaam!, email: poEmail!, telefoon: ctx.get('telefoon_praktijkopleider') },
    werkbegeleider,
    bpv_begeleider: bpvBegeleider,
    opleiding,
    crebo: crebo!,
    niveau: niveau!,
    leerweg: leerweg!,
    startdatum: startdatum!,
    einddatum: einddatum!,
    uren_totaal: urenTotaal!,
    uren_per_week: urenPerWeek!,
    leerdoelen: ctx.get('leerdoelen'),
    vakantiewerk: vakantiewerk ?? false,
  };
}

const str = (v: Value) => v as string;
const strOrNull = (v: Value) => v as string | null;
const person = (naam: Value, email: Value): Person | null => (naam === null ? null : { naam: str(naam), email: str(email), telefoon: null });

/** A placement row as values in the order of PLACEMENT_COLUMNS (vakantiewerk 1 or 0). */
export const placementCodec: RowCodec<PlacementRow> = {
  sources: PLACEMENT_COLUMNS.map((c) => c.name),
  pack: (r) => [
    r.plaatsing_id, r.studentnummer, r.student.voornaam, r.student.tussenvoegsel, r.student.achternaam, r.student.geboortedatum,
    r.student.email, r.opleiding, r.crebo, r.niveau, r.leerweg, r.company.naam, r.company.kvk, r.company.vestigingsnummer,
    r.company.adres, r.company.postcode, r.company.plaats, r.praktijkopleider.naam, r.praktijkopleider.email,
    r.praktijkopleider.telefoon, r.werkbegeleider?.naam ?? null, r.werkbegeleider?.email ?? null, r.bpv_begeleider?.naam ?? null,
    r.bpv_begeleider?.email ?? null, r.startdatum, r.einddatum, r.uren_totaal, r.uren_per_week, r.leerdoelen, r.vakantiewerk ? 1 : 0,
  ],
  unpack: (v, h) => ({
    plaatsing_id: strOrNull(v[0]!),
    studentnummer: str(v[1]!),
    student: { voornaam: str(v[2]!), tussenvoegsel: strOrNull(v[3]!), achternaam: str(v[4]!), geboortedatum: strOrNull(v[5]!), email: strOrNull(v[6]!) },
    company: { kvk: str(v[12]!), vestigingsnummer: strOrNull(v[13]!), naam: str(v[11]!), adres: strOrNull(v[14]!), postcode: strOrNull(v[15]!), plaats: strOrNull(v[16]!) },
    praktijkopleider: { naam: str(v[17]!), email: str(v[18]!), telefoon: strOrNull(v[19]!) },
    werkbegeleider: person(v[20]!, v[21]!),
    bpv_begeleider: person(v[22]!, v[23]!),
    opleiding: strOrNull(v[7]!),
    crebo: str(v[8]!),
    niveau: v[9] as number,
    leerweg: v[10] as PlacementRow['leerweg'],
    startdatum: str(v[24]!),
    einddatum: str(v[25]!),
    uren_totaal: v[26] as number,
    uren_per_week: v[27] as number,
    leerdoelen: strOrNull(v[28]!),
    vakantiewerk: v[29] === 1,
    ...(h && { refs: { company: h[0]!, persons: [h[1]!, h[2]!, h[3]!] as const } }),
  }),
  handles: {
    // 0: companies, 1: persons (a supervisor in any of the three roles)
    spaces: [0, 1, 1, 1],
    keys: (r) => [
      `${r.company.kvk}\u0000${r.company.vestigingsnummer ?? ''}`,
      r.praktijkopleider.email, r.werkbegeleider?.email ?? null, r.bpv_begeleider?.email ?? null,
    ],
  },
};

const PLACEMENT_FIELDS = [
  'studentnummer', 'company_id', 'opleiding', 'crebo', 'niveau', 'leerweg', 'praktijkopleider_email',
  'werkbegeleider_email', 'bpv_begeleider_email', 'startdatum', 'einddatum', 'uren_totaal', 'uren_per_week',
  'leerdoelen', 'vakantiewerk',
] as const;
type PlacementFields = Record<(typeof PLACEMENT_FIELDS)[number], string | number | null>;

/** The fields of optional columns, by their column: a file without the column leaves them as stored. */
const OPTIONAL_FIELD_COLUMNS: Partial<Record<(typeof PLACEMENT_FIELDS)[number], string>> = {
  opleiding: 'opleiding',
  werkbegeleider_email: 'email_werkbegeleider',
  bpv_begeleider_email: 'email_bpv_begeleider',
  leerdoelen: 'leerdoelen',
  vakantiewerk: 'vakantiewerk',
};

// Secondary indexes of placements, rebuilt after a bulk load: inserting 100k rows into a table
// without them and sorting them once afterwards costs about half the time of keeping them up
// to date row by row. DROP and CREATE INDEX are part of the import's transaction, so an
// interrupted import leaves them as they were.
const BULK_INDEXES = ['placements_student', 'placements_po', 'placements_company'];

function placementWriter(db: Db, { existing, bulk, has }: LoadHint): KindWriter<PlacementRow> {
  /** per field: whether this file gives it (see LoadHint.has) */
  const given = PLACEMENT_FIELDS.map((f) => {
    const column = OPTIONAL_FIELD_COLUMNS[f];
    return column === undefined || has(column);
  });
  const indexSql = bulk
    ? (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name IN (${BULK_INDEXES.map(() => '?').join(', ')})`)
        .all(...BULK_INDEXES) as { sql: string }[]).map((r) => r.sql)
    : [];
  for (const name of bulk ? BULK_INDEXES : []) db.exec(`DROP INDEX IF EXISTS ${name}`);
  const students = new SharedRecords(db, 'student', 'students', 'studentnummer = ?', ['studentnummer'],
    ['voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'email'], 'studentnummer', ([k]) => msg().labelStudent(String(k)), bulk);
  const companies = new SharedRecords(db, 'leerbedrijf', 'companies', "kvk = ? AND ifnull(vestigingsnummer, '') = ifnull(?, '')",
    ['kvk', 'vestigingsnummer'], ['naam', 'adres', 'postcode', 'plaats'], 'id', ([kvk]) => msg().labelCompany(String(kvk)));
  const persons = new SharedRecords(db, 'persoon', 'persons', 'email = ?', ['email'], ['naam', 'telefoon'], 'email', ([k]) => String(k));
  const byId = db.prepare(`SELECT id, plaatsing_id, ${PLACEMENT_FIELDS.join(', ')} FROM placements WHERE plaatsing_id = ?`);
  const byNaturalKey = db.prepare(
    `SELECT p.id, p.plaatsing_id, ${PLACEMENT_FIELDS.map((f) => `p.${f}`).join(', ')}
       FROM placements p JOIN companies c ON c.id = p.company_id
      WHERE p.studentnummer = ? AND c.kvk = ? AND p.startdatum = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO placements (plaatsing_id, assigned_id, ${PLACEMENT_FIELDS.join(', ')})
     VALUES (?, ?, ${PLACEMENT_FIELDS.map(() => '?').join(', ')}) ON CONFLICT (plaatsing_id) DO NOTHING`,
  );
  const batch = new BatchInserter(db, 'placements', ['plaatsing_id', 'assigned_id', ...PLACEMENT_FIELDS], 'plaatsing_id');
  const idTaken = db.prepare('SELECT 1 FROM placements WHERE plaatsing_id = ?');
  // Placements that got an id from bpv because their source had none, by their natural key: a
  // source that starts giving ids names them with its own (else each became a second placement,
  // and timesheets by studentnummer then found two). Few or none: read once.
  const naturalKey = (studentnummer: string, kvk: string, startdatum: string) => `${studentnummer}\u0000${kvk}\u0000${startdatum}`;
  const assigned = new Map<string, string>();
  for (const [id, nr, kvk, start] of db.prepare(
    'SELECT p.plaatsing_id, p.studentnummer, c.kvk, p.startdatum FROM placements p JOIN companies c ON c.id = p.company_id WHERE p.assigned_id = 1',
  ).raw(true).iterate() as IterableIterator<[string, string, string, string]>) assigned.set(naturalKey(nr, kvk, start), id);
  const assignedFor = (row: PlacementRow) => (assigned.size && row.plaatsing_id ? assigned.get(naturalKey(row.studentnummer, row.company.kvk, row.startdatum)) : undefined);
  const adopt = db.prepare('UPDATE placements SET plaatsing_id = ?, assigned_id = 0 WHERE plaatsing_id = ?');
  // ...unless it has a POK: the POK number is the id, and a new number is a new version that
  // every party signs again. Then the assigned id stays, and the row is that placement.
  const hasPok = db.prepare('SELECT 1 FROM pok_versions v JOIN placements p ON p.id = v.placement_id WHERE p.plaatsing_id = ?').pluck();
  const keptIds: RowWarning[] = [];
  const studentOf = db.prepare('SELECT studentnummer FROM placements WHERE plaatsing_id = ?').pluck();
  const nextId = db.prepare('SELECT ifnull(max(id), 0) + 1 AS n FROM placements');
  // Constraints across tables are checked at commit: shared records are settled at the end.
  // Each batch's parents are written before its placements all the same: while no violation
  // is outstanding, SQLite skips looking for a new parent's children (a table scan without
  // the bulk indexes).
  db.pragma('defer_foreign_keys = ON');
  /** whether the last batch was all new (see writeMany) */
  let lastAllNew = true;
  const unchangedLines = new Set<number>();
  const updatedLines = new Set<number>();

  // A file without the vestigingsnummer column names a company by its KvK number alone: the
  // stored company with that number is meant (of several, the placement's own), not a new one
  // without a location that the placement would move to.
  const hasLocation = has('vestigingsnummer');
  const locationsOf = new Map<string, (string | null)[]>();
  const locationsQuery = db.prepare('SELECT vestigingsnummer FROM companies WHERE kvk = ?').pluck();
  const ownLocation = db.prepare(
    'SELECT c.vestigingsnummer FROM placements p JOIN companies c ON c.id = p.company_id WHERE p.plaatsing_id = ? AND c.kvk = ?',
  ).pluck();
  const location = (row: PlacementRow): string | null => {
    const { kvk, vestigingsnummer } = row.company;
    if (hasLocation) return vestigingsnummer;
    let stored = locationsOf.get(kvk);
    if (!stored) locationsOf.set(kvk, (stored = locationsQuery.all(kvk) as (string | null)[]));
    if (stored.length === 1) return stored[0]!;
    const own = stored.length && row.plaatsing_id ? (ownLocation.get(row.plaatsing_id, kvk) as string | null | undefined) : undefined;
    return own ?? null;
  };

  // Which fields of the shared records the file has columns for: an empty cell in one clears a
  // stored value (when every row naming the record leaves it empty), a missing column does not.
  const studentGiven = [true, has('tussenvoegsel'), true, has('geboortedatum'), has('email_student')];
  const companyGiven = [true, has('adres'), has('postcode'), has('plaats')];
  // a supervisor's phone number comes only with the praktijkopleider's columns
  const personGiven = [[true, has('telefoon_praktijkopleider')], [true, false], [true, false]];

  /** Upserts the row's student, company and supervisors; gives the placement's own values, in PLACEMENT_FIELDS order. */
  const touchAndValues = (row: PlacementRow, line: number): Value[] => {
    const s = row.student;
    students.touch([row.studentnummer], [s.voornaam, s.tussenvoegsel, s.achternaam, s.geboortedatum, s.email], line, undefined, studentGiven);
    const c = row.company;
    // without the vestigingsnummer column one KvK number may name two stored companies (location())
    const companyId = companies.touch([c.kvk, location(row)], [c.naam, c.adres, c.postcode, c.plaats], line, hasLocation ? row.refs?.company : undefined, companyGiven);
    const people = [row.praktijkopleider, row.werkbegeleider, row.bpv_begeleider];
    for (let i = 0; i < 3; i++) {
      const p = people[i];
      if (p) persons.touch([p.email], [p.naam, p.telefoon], line, row.refs?.persons[i], personGiven[i]);
    }
    return [
      row.studentnummer, companyId, row.opleiding, row.crebo, row.niveau, row.leerweg, row.praktijkopleider.email,
      row.werkbegeleider?.email ?? null, row.bpv_begeleider?.email ?? null, row.startdatum, row.einddatum,
      row.uren_totaal, row.uren_per_week, row.leerdoelen, row.vakantiewerk ? 1 : 0,
    ];
  };

  /** Insert when new, else compare and update: the careful path for one row. */
  const upsert = (row: PlacementRow, ctx: RowContext, values: Value[]): WriteOutcome => {
    // looked up first: on this path most rows are there (a re-import)
    let existing = (row.plaatsing_id
      ? byId.get(row.plaatsing_id)
      : byNaturalKey.get(row.studentnummer, row.company.kvk, row.startdatum)) as (PlacementFields & { id: number; plaatsing_id: string }) | undefined;
    const adopted: FieldChange[] = [];
    const earlierId = existing ? undefined : assignedFor(row);
    if (earlierId !== undefined && hasPok.get(earlierId)) {
      keptIds.push({ line: ctx.line, column: 'plaatsing_id', message: msg().assignedIdKept(row.plaatsing_id!, earlierId) });
      existing = byId.get(earlierId) as PlacementFields & { id: number; plaatsing_id: string };
    } else if (earlierId !== undefined) {
      adopt.run(row.plaatsing_id, earlierId);
      assigned.delete(naturalKey(row.studentnummer, row.company.kvk, row.startdatum));
      adopted.push({ entity: 'plaatsing', key: row.plaatsing_id!, field: 'plaatsing_id', old: earlierId, new: row.plaatsing_id! });
      existing = byId.get(row.plaatsing_id) as PlacementFields & { id: number; plaatsing_id: string };
    }
    if (!existing && row.plaatsing_id) {
      insert.run(row.plaatsing_id, 0, ...values);
      return { status: 'inserted' };
    }
    if (!existing) {
      let n = (nextId.get() as { n: number }).n;
      while (idTaken.get(`BPV-${n}`)) n++;
      insert.run(`BPV-${n}`, 1, ...values);
      return { status: 'inserted' };
    }
    const changed = PLACEMENT_FIELDS.flatMap((f, i) => (given[i] && existing[f] !== values[i] ? [i] : []));
    if (!changed.length && !adopted.length) {
      unchangedLines.add(ctx.line);
      return { status: 'unchanged' };
    }
    if (changed.length) {
      db.prepare(`UPDATE placements SET ${changed.map((i) => `${PLACEMENT_FIELDS[i]} = ?`).join(', ')} WHERE id = ?`).run(...changed.map((i) => values[i]), existing.id);
    }
    const changes: FieldChange[] = adopted.concat(changed.map((i) => ({ entity: 'plaatsing', key: existing.plaatsing_id, field: PLACEMENT_FIELDS[i]!, old: existing[PLACEMENT_FIELDS[i]!], new: values[i]! })));
    updatedLines.add(ctx.line);
    return { status: 'updated', changes };
  };

  return {
    key(row, ctx) {
      if (row.plaatsing_id === null) return `${row.studentnummer}\u0000${row.company.kvk}\u0000${row.startdatum}`;
      // A stored placement under this id with another student: most likely two placements
      // with one id (a duplicate in the source, or a row from a reject file). Updating it
      // would hand one student's hours and signed POK to another. (An empty table has none.)
      const owner = existing > 0 ? (studentOf.get(row.plaatsing_id) as string | undefined) : undefined;
      if (owner !== undefined && owner !== row.studentnummer) return void ctx.error('studentnummer', msg().placementOtherStudent(row.plaatsing_id, owner, row.studentnummer));
      return row.plaatsing_id;
    },
    write(row, ctx) {
      const values = touchAndValues(row, ctx.line);
      students.flush();
      return upsert(row, ctx, values);
    },
    writeMany(items) {
      const all = items.map(({ row, ctx }) => touchAndValues(row, ctx.line));
      students.flush();
      // all new, each with its own id: the common case of a first import, one statement for the
      // batch. A re-import's rows are there: after a batch that was not all new, rows go one by
      // one until one is again (trying each batch first was 0.94 s of 100,000 such rows).
      if (lastAllNew && items.every(({ row }) => row.plaatsing_id && assignedFor(row) === undefined)) {
        const args: Value[] = [];
        items.forEach(({ row }, i) => args.push(row.plaatsing_id, 0, ...all[i]!));
        if (batch.insertAllNew(items.length, args)) return items.map(() => ({ status: 'inserted' as const }));
      }
      const outcomes = items.map(({ row, ctx }, i) => upsert(row, ctx, all[i]!));
      lastAllNew = outcomes.every((o) => o.status === 'inserted');
      return outcomes;
    },
    finish() {
      for (const sql of indexSql) db.exec(sql);
      const results = [students.finish(), companies.finish(), persons.finish()];
      const lines = new Set<number>();
      // a stored record changed by a new placement's row: that row counts as new, the change as well
      let onNewRows = 0;
      for (const r of results) {
        for (const l of r.changedLines) {
          lines.add(l);
          if (!unchangedLines.has(l) && !updatedLines.has(l)) onNewRows++;
        }
      }
      let promoted = 0;
      for (const l of lines) if (unchangedLines.has(l)) promoted++;
      return {
        toUpdated: promoted, recordsChanged: onNewRows,
        changes: results.flatMap((r) => r.changes), warnings: [...keptIds, ...results.flatMap((r) => r.warnings)],
      };
    },
  };
}

export const placementsImport: ImportKind<PlacementRow> = {
  kind: 'placements',
  columns: PLACEMENT_COLUMNS,
  keyColumn: 'plaatsing_id',
  // without an id a placement is its student, company and start (SPEC §2)
  keyColumnsOf: (row) => (row.plaatsing_id === null ? ['studentnummer', 'kvk', 'startdatum'] : undefined),
  columnWarnings: (has) => (has('geboortedatum') ? [] : [{ column: 'geboortedatum', message: msg().noBirthDateColumn() }]),
  parse: parsePlacementRow,
  codec: placementCodec,
  table: 'placements',
  rowBytes: 250,
  writer: placementWriter,
};
