// Numbered migrations. The index in this array + 1 is the schema version stored in
// PRAGMA user_version. Never edit a migration that has shipped: add a new one.
//
// Identifiers (studentnummer, kvk, crebo, postcode, plaatsing_id) are TEXT so leading zeros
// survive; dates are ISO TEXT so they sort and compare as strings.

export const MIGRATIONS: readonly string[] = [
  /* 1: the whole first schema */ `
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  CREATE TABLE students (
    studentnummer TEXT PRIMARY KEY,
    voornaam      TEXT NOT NULL,
    tussenvoegsel TEXT,
    achternaam    TEXT NOT NULL,
    geboortedatum TEXT,
    email         TEXT
  ) STRICT;

  CREATE TABLE companies (
    id               INTEGER PRIMARY KEY,
    kvk              TEXT NOT NULL,
    vestigingsnummer TEXT,
    naam             TEXT NOT NULL,
    adres            TEXT,
    postcode         TEXT,
    plaats           TEXT
  ) STRICT;
  CREATE UNIQUE INDEX companies_key ON companies (kvk, ifnull(vestigingsnummer, ''));

  -- praktijkopleiders, werkbegeleiders and BPV-begeleiders: the e-mail identifies the person
  CREATE TABLE persons (
    email    TEXT PRIMARY KEY,
    naam     TEXT NOT NULL,
    telefoon TEXT
  ) STRICT;

  CREATE TABLE placements (
    id                     INTEGER PRIMARY KEY,
    plaatsing_id           TEXT NOT NULL UNIQUE,
    studentnummer          TEXT NOT NULL REFERENCES students (studentnummer),
    company_id             INTEGER NOT NULL REFERENCES companies (id),
    opleiding              TEXT,
    crebo                  TEXT NOT NULL,
    niveau                 INTEGER NOT NULL,
    leerweg                TEXT NOT NULL CHECK (leerweg IN ('BOL', 'BBL')),
    praktijkopleider_email TEXT NOT NULL REFERENCES persons (email),
    werkbegeleider_email   TEXT REFERENCES persons (email),
    bpv_begeleider_email   TEXT REFERENCES persons (email),
    startdatum             TEXT NOT NULL,
    einddatum              TEXT NOT NULL,
    uren_totaal            REAL NOT NULL,
    uren_per_week          REAL NOT NULL,
    leerdoelen             TEXT,
    vakantiewerk           INTEGER NOT NULL DEFAULT 0,
    -- 1 when the program assigned plaatsing_id (the source had none)
    assigned_id            INTEGER NOT NULL DEFAULT 0,
    beeindigd_op           TEXT,
    beeindigd_reden        TEXT CHECK (beeindigd_reden IN ('overmacht', 'functioneren', 'anders')),
    beeindigd_notitie      TEXT,
    CHECK (einddatum >= startdatum)
  ) STRICT;
  CREATE INDEX placements_student ON placements (studentnummer, startdatum);
  CREATE INDEX placements_po ON placements (praktijkopleider_email);
  CREATE INDEX placements_company ON placements (company_id);

  CREATE TABLE timesheets (
    placement_id      INTEGER NOT NULL REFERENCES placements (id),
    datum             TEXT NOT NULL,
    soort             TEXT NOT NULL CHECK (soort IN ('gewerkt', 'ziek', 'afwezig', 'verlof')),
    uren              REAL NOT NULL,
    werkzaamheden     TEXT,
    status            TEXT NOT NULL CHECK (status IN ('concept', 'ingediend', 'goedgekeurd', 'correctie')),
    ingediend_op      TEXT,
    goedgekeurd_op    TEXT,
    goedgekeurd_door  TEXT,
    correctie_notitie TEXT,
    UNIQUE (placement_id, datum, soort)
  ) STRICT;
  -- A rowid table with a unique index, not WITHOUT ROWID: entries carry free text, and keeping
  -- whole rows in the key's b-tree made a million-row import 40% slower (measured).

  -- Imported school holidays. Shipped holidays live in data/, not here: a region's school
  -- year present in this table replaces the shipped one (see src/holidays).
  CREATE TABLE holidays (
    id         INTEGER PRIMARY KEY,
    regio      TEXT NOT NULL CHECK (regio IN ('noord', 'midden', 'zuid')),
    schooljaar TEXT NOT NULL,
    naam       TEXT NOT NULL,
    begin      TEXT NOT NULL,
    eind       TEXT NOT NULL,
    CHECK (eind >= begin)
  ) STRICT;
  CREATE UNIQUE INDEX holidays_key ON holidays (regio, begin, naam);

  CREATE TABLE recognitions (
    id               INTEGER PRIMARY KEY,
    kvk              TEXT NOT NULL,
    vestigingsnummer TEXT,
    crebo            TEXT NOT NULL,
    erkend_vanaf     TEXT NOT NULL,
    erkend_tot       TEXT,
    leerbedrijf      TEXT
  ) STRICT;
  CREATE UNIQUE INDEX recognitions_key ON recognitions (kvk, ifnull(vestigingsnummer, ''), crebo, erkend_vanaf);

  CREATE TABLE pok_versions (
    placement_id INTEGER NOT NULL REFERENCES placements (id),
    version      INTEGER NOT NULL,
    generated_on TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    data_hash    TEXT NOT NULL,
    data_json    TEXT NOT NULL,
    PRIMARY KEY (placement_id, version)
  ) STRICT;

  CREATE TABLE pok_signatures (
    placement_id INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    party        TEXT NOT NULL CHECK (party IN ('student', 'ouder', 'leerbedrijf', 'school')),
    signed_on    TEXT NOT NULL,
    name         TEXT,
    PRIMARY KEY (placement_id, version, party),
    FOREIGN KEY (placement_id, version) REFERENCES pok_versions (placement_id, version)
  ) STRICT;

  CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    os_user     TEXT NOT NULL,
    command     TEXT NOT NULL,
    file_name   TEXT,
    file_sha256 TEXT,
    counts      TEXT,
    details     TEXT
  ) STRICT;

  -- old and new values of every field an update changed
  CREATE TABLE audit_changes (
    audit_id  INTEGER NOT NULL REFERENCES audit_log (id),
    entity    TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    field     TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
  ) STRICT;
  CREATE INDEX audit_changes_audit ON audit_changes (audit_id);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
