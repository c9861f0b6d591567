// Reading placements back in the shape of their import columns (SPEC §3), so that what was
// imported reads back unchanged.
import type { EndReason, Leerweg, PlacementRecord } from '../domain/types.js';
import type { Db } from './open.js';

const SELECT = `
SELECT p.id AS _id, p.plaatsing_id, p.studentnummer, s.voornaam, s.tussenvoegsel, s.achternaam, s.geboortedatum,
       s.email AS email_student, p.opleiding, p.crebo, p.niveau, p.leerweg,
       c.naam AS leerbedrijf, c.kvk, c.vestigingsnummer, c.adres, c.postcode, c.plaats,
       po.naam AS praktijkopleider, po.email AS email_praktijkopleider, po.telefoon AS telefoon_praktijkopleider,
       wb.naam AS werkbegeleider, wb.email AS email_werkbegeleider,
       bb.naam AS bpv_begeleider, bb.email AS email_bpv_begeleider,
       p.startdatum, p.einddatum, p.uren_totaal, p.uren_per_week, p.leerdoelen, p.vakantiewerk,
       ifnull(p.beeindigd_op, p.einddatum) AS effectieve_einddatum, p.beeindigd_reden
  FROM placements p
  JOIN students s ON s.studentnummer = p.studentnummer
  JOIN companies c ON c.id = p.company_id
  JOIN persons po ON po.email = p.praktijkopleider_email
  LEFT JOIN persons wb ON wb.email = p.werkbegeleider_email
  LEFT JOIN persons bb ON bb.email = p.bpv_begeleider_email`;

type Raw = Omit<PlacementRecord, 'vakantiewerk' | 'leerweg' | 'beeindigd_reden'> & {
  _id: number;
  vakantiewerk: number;
  leerweg: string;
  beeindigd_reden: string | null;
};

export type StoredPlacement = PlacementRecord & { _id: number };

function toRecord(r: Raw): StoredPlacement {
  return { ...r, leerweg: r.leerweg as Leerweg, vakantiewerk: r.vakantiewerk === 1, beeindigd_reden: r.beeindigd_reden as EndReason | null };
}

export interface PlacementFilter {
  activeOn?: string | undefined;
  praktijkopleider?: string | undefined;
  ids?: string[] | undefined;
}

export function listPlacements(db: Db, f: PlacementFilter = {}): StoredPlacement[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.activeOn) {
    where.push('p.startdatum <= ? AND ifnull(p.beeindigd_op, p.einddatum) >= ?');
    args.push(f.activeOn, f.activeOn);
  }
  if (f.praktijkopleider) {
    where.push('p.praktijkopleider_email = ?');
    args.push(f.praktijkopleider.trim().toLowerCase());
  }
  if (f.ids?.length) {
    where.push(`p.plaatsing_id IN (${f.ids.map(() => '?').join(', ')})`);
    args.push(...f.ids);
  }
  const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY p.plaatsing_id`;
  return (db.prepare(sql).all(...args) as Raw[]).map(toRecord);
}

export function getPlacement(db: Db, plaatsingId: string): StoredPlacement | undefined {
  const r = db.prepare(`${SELECT} WHERE p.plaatsing_id = ?`).get(plaatsingId) as Raw | undefined;
  return r ? toRecord(r) : undefined;
}

/** The JSON of SPEC §3: the import columns, then effectieve_einddatum and beeindigd_reden. */
export function placementJson(p: StoredPlacement): PlacementRecord {
  const { _id, ...rest } = p;
  void _id;
  return rest;
}

export function studentName(p: Pick<PlacementRecord, 'voornaam' | 'tussenvoegsel' | 'achternaam'>): string {
  return [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');
}

/** plaatsing_id → the student's full name, for output meant for people. */
export function placementNames(db: Db): Map<string, string> {
  const rows = db.prepare(
    'SELECT p.plaatsing_id AS id, s.voornaam, s.tussenvoegsel, s.achternaam FROM placements p JOIN students s ON s.studentnummer = p.studentnummer',
  ).all() as { id: string; voornaam: string; tussenvoegsel: string | null; achternaam: string }[];
  return new Map(rows.map((r) => [r.id, studentName(r)]));
}

/** The requested e-mail addresses that are nobody's praktijkopleider. */
export function unknownPraktijkopleiders(db: Db, emails: readonly string[]): string[] {
  const known = db.prepare('SELECT 1 FROM placements WHERE praktijkopleider_email = ? LIMIT 1');
  return emails.filter((e) => known.get(e.trim().toLowerCase()) === undefined);
}

/** The ids of these placements whose praktijkopleider is not this one. */
export function placementsNotOf(db: Db, ids: readonly string[], email: string): string[] {
  const of = new Set(
    db.prepare('SELECT plaatsing_id FROM placements WHERE plaatsing_id IN (SELECT value FROM json_each(?)) AND praktijkopleider_email = ?')
      .pluck().all(JSON.stringify(ids), email.trim().toLowerCase()) as string[],
  );
  return ids.filter((id) => !of.has(id));
}

/** The ids of these that no placement has. */
export function missingPlacementIds(db: Db, ids: readonly string[]): string[] {
  const found = new Set(
    (db.prepare('SELECT plaatsing_id FROM placements WHERE plaatsing_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as string[]),
  );
  return ids.filter((id) => !found.has(id));
}
