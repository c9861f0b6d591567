// Shared fixtures of the POK tests: an in-memory database with the real schema, placements
// built from a few overridable fields, and PDF text read back the way a person's viewer would.

import Database from 'better-sqlite3';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { MIGRATIONS } from '../../src/db/migrations.js';

export const SCHOOL: Record<string, string> = {
  'school.naam': 'ROC Midden-Brabant',
  'school.brin': '25LH',
  'school.adres': 'Stationsplein 1',
  'school.postcode': '5038 AA',
  'school.plaats': 'Tilburg',
  'school.telefoon': '013 123 45 00',
  'school.email': 'bureauwerkenstage@roc-example.nl',
};

export function makeDb(settings: Record<string, string> = SCHOOL): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec(MIGRATIONS[0]!);
  const ins = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  for (const [k, v] of Object.entries(settings)) ins.run(k, v);
  return db;
}

export interface PlacementSeed {
  plaatsing_id: string;
  studentnummer: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string | null;
  crebo: string;
  niveau: number;
  leerweg: 'BOL' | 'BBL';
  opleiding: string | null;
  leerbedrijf: string;
  kvk: string;
  vestigingsnummer: string | null;
  adres: string | null;
  postcode: string | null;
  plaats: string | null;
  praktijkopleider: string;
  email_praktijkopleider: string;
  werkbegeleider: string | null;
  email_werkbegeleider: string | null;
  bpv_begeleider: string | null;
  email_bpv_begeleider: string | null;
  startdatum: string;
  einddatum: string;
  uren_totaal: number;
  uren_per_week: number;
  leerdoelen: string | null;
  vakantiewerk: boolean;
}

export function seed(overrides: Partial<PlacementSeed> = {}): PlacementSeed {
  return {
    plaatsing_id: 'P-1001',
    studentnummer: '0123456',
    voornaam: 'Zoë',
    tussenvoegsel: 'van',
    achternaam: 'Ĳsselstein-Éénhoorn',
    geboortedatum: '2005-05-05',
    crebo: '25491',
    niveau: 3,
    leerweg: 'BOL',
    opleiding: 'Verzorgende IG',
    leerbedrijf: 'Zorgcentrum De Eikenhorst',
    kvk: '01234567',
    vestigingsnummer: null,
    adres: 'Bosrandweg 12a',
    postcode: '3811 AB',
    plaats: 'Amersfoort',
    praktijkopleider: 'Anouk de Bruïne',
    email_praktijkopleider: 'a.debruine@eikenhorst.nl',
    werkbegeleider: null,
    email_werkbegeleider: null,
    bpv_begeleider: null,
    email_bpv_begeleider: null,
    startdatum: '2026-09-01',
    einddatum: '2027-01-29',
    uren_totaal: 640,
    uren_per_week: 32.5,
    leerdoelen: null,
    vakantiewerk: false,
    ...overrides,
  };
}

/** Upserts a placement with its student, company and persons, as an import would. */
export function insertPlacement(db: Database.Database, s: PlacementSeed): void {
  db.prepare(
    `INSERT INTO students (studentnummer, voornaam, tussenvoegsel, achternaam, geboortedatum, email)
     VALUES (?, ?, ?, ?, ?, NULL)
     ON CONFLICT (studentnummer) DO UPDATE SET voornaam = excluded.voornaam, tussenvoegsel = excluded.tussenvoegsel,
       achternaam = excluded.achternaam, geboortedatum = excluded.geboortedatum`,
  ).run(s.studentnummer, s.voornaam, s.tussenvoegsel, s.achternaam, s.geboortedatum);
  const company = db
    .prepare(`SELECT id FROM companies WHERE kvk = ? AND ifnull(vestigingsnummer, '') = ifnull(?, '')`)
    .get(s.kvk, s.vestigingsnummer) as { id: number } | undefined;
  let companyId: number;
  if (company) {
    companyId = company.id;
    db.prepare('UPDATE companies SET naam = ?, adres = ?, postcode = ?, plaats = ? WHERE id = ?').run(
      s.leerbedrijf, s.adres, s.postcode, s.plaats, companyId,
    );
  } else {
    companyId = Number(
      db
        .prepare('INSERT INTO companies (kvk, vestigingsnummer, naam, adres, postcode, plaats) VALUES (?, ?, ?, ?, ?, ?)')
        .run(s.kvk, s.vestigingsnummer, s.leerbedrijf, s.adres, s.postcode, s.plaats).lastInsertRowid,
    );
  }
  const person = db.prepare(
    `INSERT INTO persons (email, naam) VALUES (?, ?) ON CONFLICT (email) DO UPDATE SET naam = excluded.naam`,
  );
  person.run(s.email_praktijkopleider, s.praktijkopleider);
  if (s.email_werkbegeleider) person.run(s.email_werkbegeleider, s.werkbegeleider ?? '');
  if (s.email_bpv_begeleider) person.run(s.email_bpv_begeleider, s.bpv_begeleider ?? '');
  db.prepare(
    `INSERT INTO placements (plaatsing_id, studentnummer, company_id, opleiding, crebo, niveau, leerweg,
       praktijkopleider_email, werkbegeleider_email, bpv_begeleider_email, startdatum, einddatum,
       uren_totaal, uren_per_week, leerdoelen, vakantiewerk)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (plaatsing_id) DO UPDATE SET company_id = excluded.company_id, opleiding = excluded.opleiding,
       crebo = excluded.crebo, niveau = excluded.niveau, leerweg = excluded.leerweg,
       praktijkopleider_email = excluded.praktijkopleider_email, werkbegeleider_email = excluded.werkbegeleider_email,
       bpv_begeleider_email = excluded.bpv_begeleider_email, startdatum = excluded.startdatum,
       einddatum = excluded.einddatum, uren_totaal = excluded.uren_totaal, uren_per_week = excluded.uren_per_week,
       leerdoelen = excluded.leerdoelen, vakantiewerk = excluded.vakantiewerk`,
  ).run(
    s.plaatsing_id, s.studentnummer, companyId, s.opleiding, s.crebo, s.niveau, s.leerweg,
    s.email_praktijkopleider, s.email_werkbegeleider, s.email_bpv_begeleider, s.startdatum, s.einddatum,
    s.uren_totaal, s.uren_per_week, s.leerdoelen, s.vakantiewerk ? 1 : 0,
  );
}

export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
}

export interface PdfPage {
  text: string;
  items: PdfTextItem[];
  width: number;
  height: number;
}

/** Text per page, unnormalised so that ĳ stays ĳ (pdfjs would otherwise fold it to "ij"). */
export async function pdfPages(buf: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({
    data: new Uint8Array(buf),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const vp = page.getViewport({ scale: 1 });
    const content = await page.getTextContent({ disableNormalization: true });
    const items: PdfTextItem[] = [];
    let text = '';
    for (const it of content.items) {
      if (!('str' in it)) continue;
      items.push({ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number });
      text += it.str + (it.hasEOL ? '\n' : '');
    }
    pages.push({ text: text.replace(/[ \t]+/g, ' '), items, width: vp.width, height: vp.height });
  }
  await doc.destroy();
  return pages;
}

/** Page text with line breaks folded, for phrases that may wrap. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
