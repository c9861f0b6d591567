-- The SQL baseline of `bpv validate` for `npm run bench` (bench/validate.bench.js): the same
-- day, week and placement findings as SPEC §4, in plain SQL for Debian's sqlite3 CLI, over a
-- bpv database. Prints one line per rule: `rule|findings`. No messages, no JSON, no sorting of
-- findings: it computes the sets (into temp.findings) and counts them.
--
--   sqlite3 bpv.db ".parameter set @as_of \"'2026-11-24'\"" \
--                  ".parameter set @holidays_file \"'data/schoolvakanties.json'\"" \
--                  ".read bench/validate-baseline.sql"
--
-- (the inner single quotes matter: without them the CLI reads 2026-11-24 as a subtraction.)
-- Without @as_of it uses today; without @holidays_file, data/schoolvakanties.json relative to
-- the working directory. Settings (school.regio, rules.overwerk.marge, rules.ziek.dagen,
-- rules.achterstand.drempel, rules.schoolvakantie.bbl) come from the settings table with the
-- defaults of SPEC §4. Severities (`rules.CODE.severity`) are not applied: every rule runs.
--
-- Written as one would by hand for speed: one ordered pass over the timesheets into per-day
-- totals (GROUP BY the table's own key order), per-week totals from those, then each rule as
-- a set query; window functions for the sick runs. Dates become day numbers once
-- (days since 1970-01-01), so "the Monday after" and "30 days later" are integer arithmetic.

-- No PRAGMA temp_store here: changing it drops the temp schema, the @parameters with it (and
-- temp_store = MEMORY measured no faster on this data anyway).

-- ---------------------------------------------------------------------------------------------
-- Parameters and settings

CREATE TEMP TABLE params AS
SELECT as_of,
       CAST(julianday(as_of) AS INTEGER) - 2440587 AS as_of_day,
       -- the Sunday before as-of's ISO week (uren-achterstand's S)
       CAST(julianday(as_of) AS INTEGER) - 2440587 - ((CAST(julianday(as_of) AS INTEGER) - 2440587 + 3) % 7) - 1 AS s_day,
       CAST(round(coalesce((SELECT CAST(replace(value, ',', '.') AS REAL) FROM main.settings WHERE key = 'rules.overwerk.marge'), 0) * 10000) AS INTEGER) AS marge_units,
       coalesce((SELECT CAST(value AS INTEGER) FROM main.settings WHERE key = 'rules.ziek.dagen'), 5) AS ziek_dagen,
       CAST(round(coalesce((SELECT CAST(replace(value, ',', '.') AS REAL) FROM main.settings WHERE key = 'rules.achterstand.drempel'), 0.8) * 10000) AS INTEGER) AS drempel_units,
       coalesce((SELECT value IN ('ja', 'j', 'yes', 'true', '1') FROM main.settings WHERE key = 'rules.schoolvakantie.bbl'), 0) AS bbl_in_holidays,
       (SELECT value FROM main.settings WHERE key = 'school.regio') AS regio,
       EXISTS (SELECT 1 FROM main.recognitions) AS recognitions_imported
FROM (SELECT coalesce(@as_of, date('now')) AS as_of);

-- School holiday days of school.regio: the shipped calendar, where an imported school year of
-- the region replaces the shipped one (SPEC §2), plus the imported holidays. None without regio.
CREATE TEMP TABLE holiday_ranges AS
WITH shipped AS (
  SELECT json_extract(v.value, '$.regio') AS regio, json_extract(v.value, '$.schooljaar') AS schooljaar,
         json_extract(v.value, '$.begin') AS begin, json_extract(v.value, '$.eind') AS eind
  FROM json_each(readfile(coalesce(@holidays_file, 'data/schoolvakanties.json')), '$.vakanties') v
)
SELECT s.begin, s.eind FROM shipped s, params
WHERE s.regio = params.regio
  AND NOT EXISTS (SELECT 1 FROM main.holidays h WHERE h.regio = s.regio AND h.schooljaar = s.schooljaar)
UNION ALL
SELECT h.begin, h.eind FROM main.holidays h, params WHERE h.regio = params.regio;

CREATE TEMP TABLE holiday_days (day INTEGER PRIMARY KEY);
INSERT OR IGNORE INTO holiday_days
WITH RECURSIVE d(day, last) AS (
  SELECT CAST(julianday(begin) AS INTEGER) - 2440587, CAST(julianday(eind) AS INTEGER) - 2440587 FROM holiday_ranges
  UNION ALL
  SELECT day + 1, last FROM d WHERE day < last
)
SELECT day FROM d;

-- ---------------------------------------------------------------------------------------------
-- Placements as day numbers; t16/t18 the days the student turns 16 and 18 (SQLite's '+N years'
-- moves 29 February to 1 March, as bpv does). No date of birth: an adult.

CREATE TEMP TABLE pl AS
SELECT p.id, p.leerweg, p.vakantiewerk, p.beeindigd_op IS NOT NULL AS ended,
       CAST(round(p.uren_totaal * 10000) AS INTEGER) AS totaal_units,
       CAST(round(p.uren_per_week * 10000) AS INTEGER) AS week_units,
       CAST(julianday(p.startdatum) AS INTEGER) - 2440587 AS start,
       CAST(julianday(p.einddatum) AS INTEGER) - 2440587 AS end_,
       CAST(julianday(coalesce(p.beeindigd_op, p.einddatum)) AS INTEGER) - 2440587 AS eff_end,
       CASE WHEN s.geboortedatum IS NULL THEN -1000000000
            ELSE CAST(julianday(date(s.geboortedatum, '+16 years')) AS INTEGER) - 2440587 END AS t16,
       CASE WHEN s.geboortedatum IS NULL THEN -1000000000
            ELSE CAST(julianday(date(s.geboortedatum, '+18 years')) AS INTEGER) - 2440587 END AS t18
FROM main.placements p JOIN main.students s ON s.studentnummer = p.studentnummer;
CREATE UNIQUE INDEX temp.pl_id ON pl (id);

-- ---------------------------------------------------------------------------------------------
-- One pass over the timesheets, in the order of their unique key (placement_id, datum, soort):
-- per placement and day, the hours (in units of 1/10000 h, exact) and the status counts.

CREATE TEMP TABLE days AS
SELECT t.placement_id AS pid,
       CAST(julianday(t.datum) AS INTEGER) - 2440587 AS day,
       sum(CASE WHEN t.soort = 'gewerkt' THEN CAST(round(t.uren * 10000) AS INTEGER) ELSE 0 END) AS worked,
       sum(CASE WHEN t.soort = 'gewerkt' AND t.status = 'goedgekeurd' THEN CAST(round(t.uren * 10000) AS INTEGER) ELSE 0 END) AS worked_approved,
       sum(CASE WHEN t.soort = 'gewerkt' AND t.status <> 'correctie' THEN CAST(round(t.uren * 10000) AS INTEGER) ELSE 0 END) AS worked_countable,
       min(t.soort = 'ziek') AS only_ziek,
       sum(t.status = 'concept') AS n_concept,
       sum(t.status = 'ingediend') AS n_ingediend,
       sum(t.status = 'correctie') AS n_correctie,
       sum(t.status <> 'goedgekeurd') AS n_not_approved,
       max(CASE WHEN t.status = 'goedgekeurd' THEN t.goedgekeurd_op END) AS last_approved_on
FROM main.timesheets t
GROUP BY t.placement_id, t.datum;

-- Per ISO week (its Monday), over the days up to as-of (rules other than toekomst ignore later ones).
CREATE TEMP TABLE weeks AS
SELECT d.pid, d.day - (d.day + 3) % 7 AS monday,
       sum(d.worked) AS worked,
       sum(d.n_concept) AS n_concept,
       sum(d.n_ingediend) AS n_ingediend,
       sum(d.n_correctie) AS n_correctie,
       sum(d.n_not_approved) AS n_not_approved,
       CAST(julianday(max(d.last_approved_on)) AS INTEGER) - 2440587 AS last_approved
FROM days d, params
WHERE d.day <= params.as_of_day
GROUP BY d.pid, monday;

-- ---------------------------------------------------------------------------------------------
-- The findings: (rule, placement row id, day or Monday; NULL for placement findings)

CREATE TEMP TABLE findings (rule TEXT NOT NULL, pid INTEGER NOT NULL, day INTEGER);

-- buiten-periode: worked hours on a day outside startdatum..effective end
INSERT INTO findings
SELECT 'buiten-periode', d.pid, d.day
FROM days d JOIN pl p ON p.id = d.pid, params
WHERE d.day <= params.as_of_day AND d.worked > 0 AND (d.day < p.start OR d.day > p.eff_end);

-- schoolvakantie: worked hours on a holiday day, BOL without vakantiewerk (BBL when set)
INSERT INTO findings
SELECT 'schoolvakantie', d.pid, d.day
FROM days d JOIN holiday_days h ON h.day = d.day JOIN pl p ON p.id = d.pid, params
WHERE d.day <= params.as_of_day AND d.worked > 0 AND p.vakantiewerk = 0
  AND (p.leerweg = 'BOL' OR params.bbl_in_holidays);

-- max-uren-dag: > 12 h, > 9 h at 16-17 on the day, > 7 h under 16
INSERT INTO findings
SELECT 'max-uren-dag', d.pid, d.day
FROM days d JOIN pl p ON p.id = d.pid, params
WHERE d.day <= params.as_of_day AND d.worked > 70000
  AND d.worked > CASE WHEN d.day >= p.t18 THEN 120000 WHEN d.day >= p.t16 THEN 90000 ELSE 70000 END;

-- toekomst: any entry after as-of, one per day
INSERT INTO findings
SELECT 'toekomst', d.pid, d.day FROM days d, params WHERE d.day > params.as_of_day;

-- overwerk: worked hours in the week > uren_per_week + marge
INSERT INTO findings
SELECT 'overwerk', w.pid, w.monday
FROM weeks w JOIN pl p ON p.id = w.pid, params
WHERE w.worked > p.week_units + params.marge_units;

-- max-uren-week: > 60 h, > 45 h at 16-17 on the Monday, > 35 h under 16
INSERT INTO findings
SELECT 'max-uren-week', w.pid, w.monday
FROM weeks w JOIN pl p ON p.id = w.pid
WHERE w.worked > 350000
  AND w.worked > CASE WHEN w.monday >= p.t18 THEN 600000 WHEN w.monday >= p.t16 THEN 450000 ELSE 350000 END;

-- niet-ingediend: a concept entry in a week whose Sunday is before as-of
INSERT INTO findings
SELECT 'niet-ingediend', w.pid, w.monday FROM weeks w, params
WHERE w.n_concept > 0 AND w.monday + 6 < params.as_of_day;

-- akkoord-te-laat: past the deadline (the Monday after) with an entry still ingediend, or an
-- entry approved after the deadline
INSERT INTO findings
SELECT 'akkoord-te-laat', w.pid, w.monday FROM weeks w, params
WHERE (params.as_of_day > w.monday + 7 AND w.n_ingediend > 0) OR w.last_approved > w.monday + 7;

-- correctie-open: a correctie entry more than 7 days after the week's Sunday
INSERT INTO findings
SELECT 'correctie-open', w.pid, w.monday FROM weeks w, params
WHERE w.n_correctie > 0 AND params.as_of_day > w.monday + 6 + 7;

-- akkoord-verlopen: entries not approved while as-of is more than 30 days after the effective end
INSERT INTO findings
SELECT 'akkoord-verlopen', w.pid, w.monday
FROM weeks w JOIN pl p ON p.id = w.pid, params
WHERE w.n_not_approved > 0 AND params.as_of_day > p.eff_end + 30;

-- langdurig-ziek: runs of >= rules.ziek.dagen registered days with only ziek entries (gaps and
-- islands: days in one run share the number of non-sick days before them). Only placements
-- with a sick day at all go through the window.
INSERT INTO findings
WITH sick_placements AS (
  SELECT DISTINCT d.pid FROM days d, params WHERE d.only_ziek AND d.day <= params.as_of_day
), numbered AS (
  SELECT d.pid, d.day, d.only_ziek,
         sum(NOT d.only_ziek) OVER (PARTITION BY d.pid ORDER BY d.day ROWS UNBOUNDED PRECEDING) AS run
  FROM days d, params
  WHERE d.pid IN (SELECT pid FROM sick_placements) AND d.day <= params.as_of_day
)
SELECT 'langdurig-ziek', n.pid, min(n.day)
FROM numbered n, params
WHERE n.only_ziek
GROUP BY n.pid, n.run
HAVING count(*) >= max(params.ziek_dagen);

-- uren-achterstand: placements whose period holds as-of, S >= startdatum, and worked hours
-- (not correctie) startdatum..S < drempel x uren_totaal x elapsed / period (cross-multiplied)
INSERT INTO findings
WITH due AS (
  SELECT p.* FROM pl p, params
  WHERE params.as_of_day BETWEEN p.start AND p.eff_end AND params.s_day >= p.start
), worked AS (
  SELECT due.id, coalesce(sum(d.worked_countable), 0) AS units
  FROM due LEFT JOIN days d ON d.pid = due.id AND d.day >= due.start AND d.day <= (SELECT s_day FROM params)
  GROUP BY due.id
)
SELECT 'uren-achterstand', due.id, NULL
FROM due JOIN worked w ON w.id = due.id, params
WHERE w.units * (due.end_ - due.start + 1) * 10000
    < params.drempel_units * due.totaal_units * (min(params.s_day, due.end_) - due.start + 1);

-- uren-tekort: not broken off, as-of more than 30 days after einddatum, approved worked hours
-- in the period below uren_totaal
INSERT INTO findings
WITH due AS (
  SELECT p.* FROM pl p, params WHERE NOT p.ended AND params.as_of_day > p.end_ + 30
)
SELECT 'uren-tekort', due.id, NULL
FROM due LEFT JOIN days d ON d.pid = due.id AND d.day BETWEEN due.start AND due.end_
GROUP BY due.id
HAVING coalesce(sum(d.worked_approved), 0) < max(due.totaal_units);

-- pok-ongetekend: the current POK (highest version) missing, or a party it needs (ouder when
-- under 18 on startdatum) without a signature dated on or before as-of
INSERT INTO findings
WITH current AS (
  SELECT placement_id, max(version) AS version FROM main.pok_versions GROUP BY placement_id
), signed AS (
  SELECT c.placement_id, count(*) AS n, max(g.party = 'ouder') AS ouder
  FROM current c JOIN main.pok_signatures g ON g.placement_id = c.placement_id AND g.version = c.version, params
  WHERE g.signed_on <= params.as_of
  GROUP BY c.placement_id
)
SELECT 'pok-ongetekend', p.id, NULL
FROM pl p LEFT JOIN signed s ON s.placement_id = p.id
WHERE coalesce(s.n, 0) - coalesce(s.ouder, 0) < 3 OR (p.start < p.t18 AND coalesce(s.ouder, 0) = 0);

-- niet-erkend: only when recognitions were imported; none for (kvk, vestiging or any, crebo)
-- covering startdatum
INSERT INTO findings
SELECT 'niet-erkend', p.id, NULL
FROM main.placements p JOIN main.companies c ON c.id = p.company_id, params
WHERE params.recognitions_imported AND NOT EXISTS (
  SELECT 1 FROM main.recognitions r
  WHERE r.kvk = c.kvk AND r.crebo = p.crebo AND (r.vestigingsnummer IS NULL OR r.vestigingsnummer = c.vestigingsnummer)
    AND r.erkend_vanaf <= p.startdatum AND (r.erkend_tot IS NULL OR p.startdatum <= r.erkend_tot));

-- schoolvakantie is skipped without school.regio (holiday_days is then empty anyway)
.mode list
.separator |
SELECT rule, count(*) FROM findings GROUP BY rule ORDER BY rule;
