// Reads everything the validator needs from the database: a handful of queries in total,
// whatever the number of placements. The timesheets come in one ordered pass (placement, date)
// and are dealt out to their placement as they stream by; nothing is queried per placement.

import { outdatedPoks } from '../pok/data.js';
import type Database from 'better-sqlite3';
import { getSettings } from '../db/settings.js';
import { SOORTEN, STATUSES, type EndReason, type Holiday, type IsoDate, type Leerweg } from '../domain/types.js';
import type { Lang } from '../i18n/rule-format.js';
import { createValidator, type ValidationResult } from './engine.js';
import { indexRecognitions, isRecognised } from './recognition.js';
import type { SettingsSource } from './settings.js';
import type { PlacementInput, PokParty, PokState, RuleEntry, ValidationConfig, ValidationFilters, ValidationInput } from './types.js';

export interface LoadOptions {
  asOf: IsoDate;
  lang: Lang;
  /** see ValidationConfig.findingLang */
  findingLang?: Lang | undefined;
  /** the school holidays in force (shipped + imported); the holiday calendar owns that merge */
  holidays: readonly Holiday[];
  /** the settings to validate with; omitted: read from the settings table */
  settings?: SettingsSource;
  filters?: ValidationFilters;
}

type PlacementRow = {
  id: number;
  plaatsing_id: string;
  studentnummer: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string | null;
  leerweg: Leerweg;
  startdatum: string;
  einddatum: string;
  beeindigd_op: string | null;
  beeindigd_reden: EndReason | null;
  uren_totaal: number;
  uren_per_week: number;
  vakantiewerk: number;
  praktijkopleider_email: string;
  kvk: string;
  vestigingsnummer: string | null;
  crebo: string;
};

// Both placement filters are optional: a NULL parameter disables its condition.
const FILTER = `
  (:ids IS NULL OR p.plaatsing_id IN (SELECT value FROM json_each(:ids)))
  AND (:po IS NULL OR p.praktijkopleider_email = :po)`;

const PLACEMENTS_SQL = `
  SELECT p.id, p.plaatsing_id, p.studentnummer, s.voornaam, s.tussenvoegsel, s.achternaam, s.geboortedatum,
         p.leerweg, p.startdatum, p.einddatum, p.beeindigd_op, p.beeindigd_reden, p.uren_totaal, p.uren_per_week,
         p.vakantiewerk, p.praktijkopleider_email, c.kvk, c.vestigingsnummer, p.crebo
  FROM placements p
  JOIN students s ON s.studentnummer = p.studentnummer
  JOIN companies c ON c.id = p.company_id
  WHERE ${FILTER}`;

// soort and status come as their index in SOORTEN / STATUSES: a million rows then cost no
// string allocations for them. A goedgekeurd_op is only read for approved entries (context.ts).
const ENTRY_COLUMNS = `t.placement_id, t.datum, t.uren,
  CASE t.soort WHEN 'gewerkt' THEN 0 WHEN 'ziek' THEN 1 WHEN 'afwezig' THEN 2 ELSE 3 END,
  CASE t.status WHEN 'concept' THEN 0 WHEN 'ingediend' THEN 1 WHEN 'goedgekeurd' THEN 2 ELSE 3 END,
  CASE WHEN t.status = 'goedgekeurd' THEN t.goedgekeurd_op END`;

// Ordered like the timesheets key UNIQUE (placement_id, datum, soort), so SQLite walks its
// index without a sort step. Without filters that is one scan; with them, the IN list lets
// SQLite seek each chosen placement's rows in the index instead of reading the whole table.
const TIMESHEETS_ALL_SQL = `
  SELECT ${ENTRY_COLUMNS}
  FROM timesheets t
  ORDER BY t.placement_id, t.datum, t.soort`;

const TIMESHEETS_FILTERED_SQL = `
  SELECT ${ENTRY_COLUMNS}
  FROM timesheets t
  WHERE t.placement_id IN (SELECT p.id FROM placements p WHERE ${FILTER})
  ORDER BY t.placement_id, t.datum, t.soort`;

// The current POK is the highest version; signatures of older versions no longer count.
const POK_SQL = `
  SELECT v.placement_id, v.version, g.party, g.signed_on
  FROM pok_versions v
  LEFT JOIN pok_signatures g ON g.placement_id = v.placement_id AND g.version = v.version
  WHERE v.version = (SELECT max(version) FROM pok_versions m WHERE m.placement_id = v.placement_id)`;

const RECOGNITIONS_SQL = `SELECT kvk, vestigingsnummer, crebo, erkend_vanaf, erkend_tot FROM recognitions`;

/** The loader's queries, for tests that check their plans. */
export const LOAD_SQL = {
  placements: PLACEMENTS_SQL,
  timesheetsAll: TIMESHEETS_ALL_SQL,
  timesheetsFiltered: TIMESHEETS_FILTERED_SQL,
  pok: POK_SQL,
} as const;

type FilterParams = { ids: string | null; po: string | null };

type RecognitionRow = { kvk: string; vestigingsnummer: string | null; crebo: string; erkend_vanaf: string; erkend_tot: string | null };

function filterParams(f: ValidationFilters | undefined): FilterParams {
  const placement = f?.placement;
  const ids = placement === undefined ? null : JSON.stringify(typeof placement === 'string' ? [placement] : placement);
  const po = f?.praktijkopleider === undefined ? null : f.praktijkopleider.trim().toLowerCase();
  return { ids, po };
}

function fullName(r: PlacementRow): string {
  return [r.voornaam, r.tussenvoegsel, r.achternaam].filter((x) => x !== null && x !== '').join(' ');
}

function loadPoks(db: Database.Database): Map<number, PokState> {
  const poks = new Map<number, PokState>();
  const outdated = outdatedPoks(db);
  const rows = db.prepare(POK_SQL).raw(true).iterate() as IterableIterator<[number, number, PokParty | null, string | null]>;
  for (const [placementId, version, party, signedOn] of rows) {
    let pok = poks.get(placementId);
    if (pok === undefined) poks.set(placementId, (pok = { version, signed: {}, outdated: outdated.has(placementId) }));
    if (party !== null && signedOn !== null) pok.signed[party] = signedOn;
  }
  return poks;
}

function loadPlacements(db: Database.Database, params: FilterParams): Map<number, PlacementInput & { entries: RuleEntry[] }> {
  const recognitions = indexRecognitions(db.prepare(RECOGNITIONS_SQL).all() as RecognitionRow[]);
  const poks = loadPoks(db);
  const byId = new Map<number, PlacementInput & { entries: RuleEntry[] }>();
  for (const r of db.prepare(PLACEMENTS_SQL).iterate(params) as IterableIterator<PlacementRow>) {
    byId.set(r.id, {
      plaatsing_id: r.plaatsing_id,
      studentnummer: r.studentnummer,
      naam: fullName(r),
      geboortedatum: r.geboortedatum,
      leerweg: r.leerweg,
      startdatum: r.startdatum,
      einddatum: r.einddatum,
      beeindigd_op: r.beeindigd_op,
      beeindigd_reden: r.beeindigd_reden,
      uren_totaal: r.uren_totaal,
      uren_per_week: r.uren_per_week,
      vakantiewerk: r.vakantiewerk === 1,
      email_praktijkopleider: r.praktijkopleider_email,
      kvk: r.kvk,
      vestigingsnummer: r.vestigingsnummer,
      crebo: r.crebo,
      pok: poks.get(r.id) ?? { version: null, signed: {} },
      erkend: isRecognised(recognitions, r, r.crebo, r.startdatum),
      entries: [],
    });
  }
  return byId;
}

/**
 * Hands each placement, with its entries in date order, to `onPlacement` as soon as the one
 * ordered pass over the timesheets has moved past it; placements without entries come last.
 * Only one placement's entries are held at a time.
 */
function streamPlacements(db: Database.Database, filters: ValidationFilters | undefined, onPlacement: (p: PlacementInput) => void): void {
  const params = filterParams(filters);
  const pending = loadPlacements(db, params);
  const filtered = params.ids !== null || params.po !== null;
  const statement = (filtered ? db.prepare(TIMESHEETS_FILTERED_SQL) : db.prepare(TIMESHEETS_ALL_SQL)).raw(true);
  const rows = (filtered ? statement.iterate(params) : statement.iterate()) as IterableIterator<
    [number, string, number, number, number, string | null]
  >;
  let currentId = -1;
  let current: (PlacementInput & { entries: RuleEntry[] }) | undefined;
  for (const row of rows) {
    if (row[0] !== currentId) {
      if (current !== undefined) onPlacement(current);
      currentId = row[0];
      current = pending.get(currentId);
      pending.delete(currentId);
    }
    current?.entries.push({ datum: row[1], uren: row[2], soort: SOORTEN[row[3]]!, status: STATUSES[row[4]]!, goedgekeurd_op: row[5] });
  }
  if (current !== undefined) onPlacement(current);
  for (const p of pending.values()) onPlacement(p);
}

function config(db: Database.Database, opts: LoadOptions): ValidationConfig {
  const recognitionsImported = db.prepare(`SELECT EXISTS (SELECT 1 FROM recognitions)`).pluck().get() === 1;
  return {
    asOf: opts.asOf,
    lang: opts.lang,
    ...(opts.findingLang ? { findingLang: opts.findingLang } : {}),
    holidays: opts.holidays,
    settings: opts.settings ?? getSettings(db),
    recognitionsImported,
    filters: opts.filters,
  };
}

/** The whole input in memory (tests, other callers); `validateDatabase` streams instead. */
export function loadValidationInput(db: Database.Database, opts: LoadOptions): ValidationInput {
  const placements: PlacementInput[] = [];
  const cfg = config(db, opts);
  streamPlacements(db, opts.filters, (p) => placements.push(p));
  return { ...cfg, placements };
}

/**
 * Load and validate in one call: what `bpv validate` does between parsing flags and printing.
 * Each placement is validated as soon as its entries are read and then let go, so memory stays
 * flat however many timesheets there are.
 */
export function validateDatabase(db: Database.Database, opts: LoadOptions): ValidationResult {
  // Settings, dates and --rule are checked before anything is read.
  const validator = createValidator(config(db, opts));
  streamPlacements(db, opts.filters, (p) => validator.add(p));
  return validator.finish();
}
