// Shared shapes of the domain. Dates are ISO strings (YYYY-MM-DD) everywhere inside the
// program: they sort as text, compare with < and >, and are what SQLite stores.

export type IsoDate = string;
export type Leerweg = 'BOL' | 'BBL';
export type Regio = 'noord' | 'midden' | 'zuid';
export type Soort = 'gewerkt' | 'ziek' | 'afwezig' | 'verlof';
export type TimesheetStatus = 'concept' | 'ingediend' | 'goedgekeurd' | 'correctie';
export type EndReason = 'overmacht' | 'functioneren' | 'anders';
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const SOORTEN: readonly Soort[] = ['gewerkt', 'ziek', 'afwezig', 'verlof'];
export const STATUSES: readonly TimesheetStatus[] = ['concept', 'ingediend', 'goedgekeurd', 'correctie'];
export const REGIOS: readonly Regio[] = ['noord', 'midden', 'zuid'];
export const END_REASONS: readonly EndReason[] = ['overmacht', 'functioneren', 'anders'];

/** A placement as the import columns of SPEC §2 name it, plus how it ended. */
export interface PlacementRecord {
  plaatsing_id: string;
  studentnummer: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: IsoDate | null;
  email_student: string | null;
  opleiding: string | null;
  crebo: string;
  niveau: number;
  leerweg: Leerweg;
  leerbedrijf: string;
  kvk: string;
  vestigingsnummer: string | null;
  adres: string | null;
  postcode: string | null;
  plaats: string | null;
  praktijkopleider: string;
  email_praktijkopleider: string;
  telefoon_praktijkopleider: string | null;
  werkbegeleider: string | null;
  email_werkbegeleider: string | null;
  bpv_begeleider: string | null;
  email_bpv_begeleider: string | null;
  startdatum: IsoDate;
  einddatum: IsoDate;
  uren_totaal: number;
  uren_per_week: number;
  leerdoelen: string | null;
  vakantiewerk: boolean;
  effectieve_einddatum: IsoDate;
  beeindigd_reden: EndReason | null;
}

/** One timesheet entry (SPEC §2 timesheet columns). */
export interface TimesheetEntry {
  plaatsing_id: string;
  datum: IsoDate;
  uren: number;
  soort: Soort;
  werkzaamheden: string | null;
  status: TimesheetStatus;
  ingediend_op: IsoDate | null;
  goedgekeurd_op: IsoDate | null;
  goedgekeurd_door: string | null;
}

export interface Holiday {
  naam: string;
  regio: Regio;
  begin: IsoDate;
  eind: IsoDate;
}

export interface Recognition {
  kvk: string;
  vestigingsnummer: string | null;
  crebo: string;
  erkend_vanaf: IsoDate;
  erkend_tot: IsoDate | null;
  leerbedrijf: string | null;
}

/** A validator finding, exactly the JSON shape of SPEC §4. */
export interface Finding {
  rule: string;
  severity: Severity;
  placement: string;
  student: string;
  date: IsoDate | null;
  week: string | null;
  message: string;
  details: Record<string, unknown>;
}
