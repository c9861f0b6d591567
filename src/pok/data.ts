// What a POK says about one placement, gathered from the database. This object is what a
// version records (pok_versions.data_json) and what its data hash is taken over, so it holds
// exactly what the document prints and nothing that changes without changing the contract
// (not the timesheets, not how the placement later ended).

import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { IsoDate, Leerweg } from '../domain/types.js';
import { datumLang, getal, leeftijdOp, minderjarigOp } from './format.js';
import { workLimitsAtAge, type WorkLimits } from '../rules/age.js';
import type { PokFieldValues } from './template.js';

export interface PokPerson {
  naam: string;
  email: string | null;
  telefoon: string | null;
}

export interface PokData {
  plaatsing_id: string;
  student: {
    studentnummer: string;
    voornaam: string;
    tussenvoegsel: string | null;
    achternaam: string;
    geboortedatum: IsoDate | null;
    email: string | null;
  };
  leerbedrijf: {
    naam: string;
    kvk: string;
    vestigingsnummer: string | null;
    adres: string | null;
    postcode: string | null;
    plaats: string | null;
  };
  praktijkopleider: PokPerson;
  werkbegeleider: PokPerson | null;
  bpv_begeleider: PokPerson | null;
  school: {
    naam: string | null;
    brin: string | null;
    adres: string | null;
    postcode: string | null;
    plaats: string | null;
    telefoon: string | null;
    email: string | null;
  };
  opleiding: { naam: string | null; crebo: string; niveau: number; leerweg: Leerweg };
  periode: { startdatum: IsoDate; einddatum: IsoDate };
  uren: { totaal: number; per_week: number };
  leerdoelen: string | null;
  vakantiewerk: boolean;
}

export type PokParty = 'student' | 'ouder' | 'leerbedrijf' | 'school';
export const POK_PARTIES: readonly PokParty[] = ['student', 'leerbedrijf', 'school', 'ouder'];

/** The placement's row ids next to its data; `id` keys pok_versions and pok_signatures. */
export interface PlacementPokSource {
  id: number;
  data: PokData;
  beeindigd_op: IsoDate | null;
  beeindigd_reden: string | null;
  company: { kvk: string; vestigingsnummer: string | null };
}

/** `POK-<plaatsing_id>`: the number printed on every page and used in file names. */
export function pokNummer(plaatsingId: string): string {
  return `POK-${plaatsingId}`;
}

export function studentNaam(s: PokData['student']): string {
  return [s.voornaam, s.tussenvoegsel, s.achternaam].filter((x) => x && x.trim() !== '').join(' ');
}

/**
 * A guardian signs when the student is under 18 on the start date. Without a date of birth we
 * cannot know, and the POK is not generated at all (see missingPokFields), so this answers
 * `false` only for data that would never be printed.
 */
export function guardianRequired(data: PokData): boolean {
  const g = data.student.geboortedatum;
  return g !== null && minderjarigOp(g, data.periode.startdatum);
}

/**
 * The Arbeidstijdenwet's limits for the student's age on the start date: those the POK states
 * (a student who turns 16 or 18 during the BPV gets the wider ones then; the validator checks
 * each day at its own age). Without a date of birth, an adult's (such a POK is never printed).
 */
export function workLimitsAtStart(data: PokData): WorkLimits {
  const g = data.student.geboortedatum;
  return workLimitsAtAge(g === null ? 18 : leeftijdOp(g, data.periode.startdatum));
}

/** Who signs, in the order of SPEC §5's status JSON: the guardian, when needed, last. */
export function requiredParties(data: PokData): PokParty[] {
  return guardianRequired(data) ? ['student', 'leerbedrijf', 'school', 'ouder'] : ['student', 'leerbedrijf', 'school'];
}

const SCHOOL_KEYS = ['naam', 'brin', 'adres', 'postcode', 'plaats', 'telefoon', 'email'] as const;

/**
 * Every field the POK cannot do without, as the name a template or setting knows it. The
 * school's telephone and e-mail are required because the contract tells the student to report
 * sick to the school on the first day; the date of birth because it decides whether a guardian
 * signs (a guess either way would make a contract that is wrong for someone).
 */
export function missingPokFields(data: PokData): string[] {
  const missing: string[] = [];
  const empty = (v: string | null | undefined): boolean => v === null || v === undefined || v.trim() === '';
  for (const k of SCHOOL_KEYS) if (empty(data.school[k])) missing.push(`school.${k}`);
  if (empty(data.leerbedrijf.adres)) missing.push('leerbedrijf.adres');
  if (empty(data.leerbedrijf.postcode)) missing.push('leerbedrijf.postcode');
  if (empty(data.leerbedrijf.plaats)) missing.push('leerbedrijf.plaats');
  if (empty(data.praktijkopleider.naam)) missing.push('praktijkopleider.naam');
  if (empty(data.student.geboortedatum)) missing.push('student.geboortedatum');
  return missing;
}

/** JSON with keys sorted at every level, so equal data always gives equal text and hash. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function pokDataHash(data: PokData): string {
  return sha256Hex(canonicalJson(data));
}

/** What the template's fields read, formatted for print. */
export function pokFieldValues(data: PokData, meta: { version: number; generatedOn: IsoDate }): PokFieldValues {
  const t = (v: string | null | undefined): string => (v ?? '').trim();
  const p = (person: PokPerson | null, k: keyof PokPerson): string => t(person?.[k] ?? null);
  const limits = workLimitsAtStart(data);
  return {
    'student.naam': studentNaam(data.student),
    'student.voornaam': t(data.student.voornaam),
    'student.tussenvoegsel': t(data.student.tussenvoegsel),
    'student.achternaam': t(data.student.achternaam),
    'student.studentnummer': data.student.studentnummer,
    'student.geboortedatum': data.student.geboortedatum ? datumLang(data.student.geboortedatum) : '',
    'student.email': t(data.student.email),
    'leerbedrijf.naam': t(data.leerbedrijf.naam),
    'leerbedrijf.kvk': data.leerbedrijf.kvk,
    'leerbedrijf.vestigingsnummer': t(data.leerbedrijf.vestigingsnummer),
    'leerbedrijf.adres': t(data.leerbedrijf.adres),
    'leerbedrijf.postcode': t(data.leerbedrijf.postcode),
    'leerbedrijf.plaats': t(data.leerbedrijf.plaats),
    'praktijkopleider.naam': p(data.praktijkopleider, 'naam'),
    'praktijkopleider.email': p(data.praktijkopleider, 'email'),
    'praktijkopleider.telefoon': p(data.praktijkopleider, 'telefoon'),
    'werkbegeleider.naam': p(data.werkbegeleider, 'naam'),
    'werkbegeleider.email': p(data.werkbegeleider, 'email'),
    'werkbegeleider.telefoon': p(data.werkbegeleider, 'telefoon'),
    'bpv_begeleider.naam': p(data.bpv_begeleider, 'naam'),
    'bpv_begeleider.email': p(data.bpv_begeleider, 'email'),
    'bpv_begeleider.telefoon': p(data.bpv_begeleider, 'telefoon'),
    'school.naam': t(data.school.naam),
    'school.brin': t(data.school.brin),
    'school.adres': t(data.school.adres),
    'school.postcode': t(data.school.postcode),
    'school.plaats': t(data.school.plaats),
    'school.telefoon': t(data.school.telefoon),
    'school.email': t(data.school.email),
    'opleiding.naam': t(data.opleiding.naam),
    'opleiding.crebo': data.opleiding.crebo,
    'opleiding.niveau': String(data.opleiding.niveau),
    'opleiding.leerweg': data.opleiding.leerweg,
    'periode.startdatum': datumLang(data.periode.startdatum),
    'periode.einddatum': datumLang(data.periode.einddatum),
    'uren.totaal': getal(data.uren.totaal),
    'uren.per_week': getal(data.uren.per_week),
    'arbeidstijd.max_dag': getal(limits.day),
    'arbeidstijd.max_week': getal(limits.week),
    leerdoelen: t(data.leerdoelen),
    vakantiewerk: data.vakantiewerk ? 'ja' : 'nee',
    minderjarig: guardianRequired(data) ? 'ja' : 'nee',
    'pok.nummer': pokNummer(data.plaatsing_id),
    'pok.versie': String(meta.version),
    'pok.datum': datumLang(meta.generatedOn),
  };
}

interface PlacementRow {
  id: number;
  plaatsing_id: string;
  studentnummer: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string | null;
  student_email: string | null;
  opleiding: string | null;
  crebo: string;
  niveau: number;
  leerweg: Leerweg;
  company_naam: string;
  kvk: string;
  vestigingsnummer: string | null;
  adres: string | null;
  postcode: string | null;
  plaats: string | null;
  po_naam: string;
  po_email: string;
  po_telefoon: string | null;
  wb_naam: string | null;
  wb_email: string | null;
  wb_telefoon: string | null;
  bb_naam: string | null;
  bb_email: string | null;
  bb_telefoon: string | null;
  startdatum: string;
  einddatum: string;
  uren_totaal: number;
  uren_per_week: number;
  leerdoelen: string | null;
  vakantiewerk: number;
  beeindigd_op: string | null;
  beeindigd_reden: string | null;
}

const PLACEMENT_SQL = `
  SELECT p.id, p.plaatsing_id, p.studentnummer, s.voornaam, s.tussenvoegsel, s.achternaam,
         s.geboortedatum, s.email AS student_email,
         p.opleiding, p.crebo, p.niveau, p.leerweg,
         c.naam AS company_naam, c.kvk, c.vestigingsnummer, c.adres, c.postcode, c.plaats,
         po.naam AS po_naam, po.email AS po_email, po.telefoon AS po_telefoon,
         wb.naam AS wb_naam, wb.email AS wb_email, wb.telefoon AS wb_telefoon,
         bb.naam AS bb_naam, bb.email AS bb_email, bb.telefoon AS bb_telefoon,
         p.startdatum, p.einddatum, p.uren_totaal, p.uren_per_week, p.leerdoelen, p.vakantiewerk,
         p.beeindigd_op, p.beeindigd_reden
    FROM placements p
    JOIN students s ON s.studentnummer = p.studentnummer
    JOIN companies c ON c.id = p.company_id
    JOIN persons po ON po.email = p.praktijkopleider_email
    LEFT JOIN persons wb ON wb.email = p.werkbegeleider_email
    LEFT JOIN persons bb ON bb.email = p.bpv_begeleider_email`;

function nullIfBlank(v: string | null): string | null {
  return v === null || v.trim() === '' ? null : v;
}

function person(naam: string | null, email: string | null, telefoon: string | null): PokPerson | null {
  if (email === null && (naam === null || naam.trim() === '')) return null;
  return { naam: naam ?? '', email: nullIfBlank(email), telefoon: nullIfBlank(telefoon) };
}

export type SchoolSettings = PokData['school'];

export function readSchoolSettings(db: Database.Database): SchoolSettings {
  const rows = db.prepare(`SELECT key, value FROM settings WHERE key LIKE 'school.%'`).all() as {
    key: string;
    value: string;
  }[];
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const get = (k: string): string | null => nullIfBlank(map.get(k) ?? null);
  return {
    naam: get('school.naam'),
    brin: get('school.brin'),
    adres: get('school.adres'),
    postcode: get('school.postcode'),
    plaats: get('school.plaats'),
    telefoon: get('school.telefoon'),
    email: get('school.email'),
  };
}

function toSource(r: PlacementRow, school: SchoolSettings): PlacementPokSource {
  return {
    id: r.id,
    beeindigd_op: r.beeindigd_op,
    beeindigd_reden: r.beeindigd_reden,
    company: { kvk: r.kvk, vestigingsnummer: r.vestigingsnummer },
    data: {
      plaatsing_id: r.plaatsing_id,
      student: {
        studentnummer: r.studentnummer,
        voornaam: r.voornaam,
        tussenvoegsel: nullIfBlank(r.tussenvoegsel),
        achternaam: r.achternaam,
        geboortedatum: nullIfBlank(r.geboortedatum),
        email: nullIfBlank(r.student_email),
      },
      leerbedrijf: {
        naam: r.company_naam,
        kvk: r.kvk,
        vestigingsnummer: nullIfBlank(r.vestigingsnummer),
        adres: nullIfBlank(r.adres),
        postcode: nullIfBlank(r.postcode),
        plaats: nullIfBlank(r.plaats),
      },
      praktijkopleider: { naam: r.po_naam, email: r.po_email, telefoon: nullIfBlank(r.po_telefoon) },
      werkbegeleider: person(r.wb_naam, r.wb_email, r.wb_telefoon),
      bpv_begeleider: person(r.bb_naam, r.bb_email, r.bb_telefoon),
      school: { ...school },
      opleiding: { naam: nullIfBlank(r.opleiding), crebo: r.crebo, niveau: r.niveau, leerweg: r.leerweg },
      periode: { startdatum: r.startdatum, einddatum: r.einddatum },
      uren: { totaal: r.uren_totaal, per_week: r.uren_per_week },
      leerdoelen: nullIfBlank(r.leerdoelen),
      vakantiewerk: r.vakantiewerk !== 0,
    },
  };
}

/** One placement's POK data, or null when no placement has that plaatsing_id. */
export function loadPokSource(db: Database.Database, plaatsingId: string, school?: SchoolSettings): PlacementPokSource | null {
  const row = db.prepare(`${PLACEMENT_SQL} WHERE p.plaatsing_id = ?`).get(plaatsingId) as PlacementRow | undefined;
  return row ? toSource(row, school ?? readSchoolSettings(db)) : null;
}

/** Every placement's POK data, in plaatsing_id order (the order of every listing, SPEC §4). */
export function loadAllPokSources(db: Database.Database): PlacementPokSource[] {
  const school = readSchoolSettings(db);
  const rows = db.prepare(`${PLACEMENT_SQL} ORDER BY p.plaatsing_id`).all() as PlacementRow[];
  return rows.map((r) => toSource(r, school));
}

/**
 * The POK data of these placements, in plaatsing_id order; ids of no placement are left out.
 * One query however many: the monthly report asks for a praktijkopleider's few placements
 * among a hundred thousand, and for those only.
 */
export function loadPokSources(db: Database.Database, plaatsingIds: readonly string[]): PlacementPokSource[] {
  const school = readSchoolSettings(db);
  const rows = db
    .prepare(`${PLACEMENT_SQL} WHERE p.plaatsing_id IN (SELECT value FROM json_each(?)) ORDER BY p.plaatsing_id`)
    .all(JSON.stringify(plaatsingIds)) as PlacementRow[];
  return rows.map((r) => toSource(r, school));
}

/**
 * The placements (row ids) whose current POK holds other data than they have now: its
 * signatures are for an agreement that no longer matches (SPEC §5), which the validator's
 * pok-ongetekend reports. Only placements with a POK are read.
 */
export function outdatedPoks(db: Database.Database): Set<number> {
  const latest = db.prepare(
    `SELECT v.placement_id, p.plaatsing_id, v.data_hash FROM pok_versions v JOIN placements p ON p.id = v.placement_id
      WHERE v.version = (SELECT max(version) FROM pok_versions w WHERE w.placement_id = v.placement_id)`,
  ).raw(true).all() as [number, string, string][];
  if (!latest.length) return new Set();
  const now = new Map(loadPokSources(db, latest.map((r) => r[1])).map((s) => [s.id, pokDataHash(s.data)]));
  return new Set(latest.filter(([id, , hash]) => now.get(id) !== hash).map(([id]) => id));
}

/**
 * SPEC §4 niet-erkend / §5: with any recognitions imported, the company needs one for
 * (kvk, the vestigingsnummer when the recognition names one, crebo) that covers the start date.
 * Returns null when no recognitions were imported (nothing to check against).
 */
export function isRecognised(db: Database.Database, src: PlacementPokSource): boolean | null {
  const any = db.prepare('SELECT 1 FROM recognitions LIMIT 1').get();
  if (!any) return null;
  const hit = db
    .prepare(
      `SELECT 1 FROM recognitions
        WHERE kvk = ? AND crebo = ?
          AND (vestigingsnummer IS NULL OR vestigingsnummer = ?)
          AND erkend_vanaf <= ? AND (erkend_tot IS NULL OR erkend_tot >= ?)
        LIMIT 1`,
    )
    .get(
      src.company.kvk,
      src.data.opleiding.crebo,
      src.company.vestigingsnummer,
      src.data.periode.startdatum,
      src.data.periode.startdatum,
    );
  return hit !== undefined;
}
