-- Variety for the rule-count cross-check in bench/validate.bench.js (never for the timed run):
-- the generated data leave some rules at 0 findings on both sides, which proves nothing. This
-- changes a copy of the bench database so that every rule, and the edges SPEC §4 names, get
-- cases: placements broken off, recognitions (some not covering), POK versions and signatures
-- (missing, dated after as-of, only on an outdated version, the guardian's), students turning
-- 16 or 18 during their BPV, a leap-day birthday, no date of birth, long days and weeks,
-- hours that are not whole, a school's own holiday calendar replacing a shipped school year.
-- Deterministic: every choice is by row id, no random().

-- Broken off early (effective end = beeindigd_op): buiten-periode after it, akkoord-verlopen.
UPDATE placements SET beeindigd_op = date(startdatum, '+30 days'), beeindigd_reden = 'anders' WHERE id % 97 = 0;
UPDATE placements SET beeindigd_op = date(startdatum, '+100 days'), beeindigd_reden = 'overmacht' WHERE id % 89 = 0;

-- Ages: no date of birth (treated as adult); turning 18 on a Thursday in the middle of the data;
-- under 16 at the start; born on 29 February.
UPDATE students SET geboortedatum = NULL WHERE rowid % 50 = 0;
UPDATE students SET geboortedatum = '2008-11-19' WHERE rowid % 50 = 7;
UPDATE students SET geboortedatum = '2010-09-02' WHERE rowid % 50 = 13;
UPDATE students SET geboortedatum = '2008-02-29' WHERE rowid % 50 = 21;
UPDATE students SET geboortedatum = '2010-10-07' WHERE rowid % 50 = 33;

-- Hours: 9.5 h days (a minor's limit is 9), 12.25 h (an adult's is 12), 7.33 h (not whole), and
-- a few whole weeks of 12.5 h days (60 / 45 / 35 h a week), a 0 h gewerkt day.
UPDATE timesheets SET uren = 9.5 WHERE rowid % 331 = 0 AND soort = 'gewerkt';
UPDATE timesheets SET uren = 12.25 WHERE rowid % 509 = 0 AND soort = 'gewerkt';
UPDATE timesheets SET uren = 7.33 WHERE rowid % 7 = 3 AND soort = 'gewerkt' AND placement_id % 10 = 1;
UPDATE timesheets SET uren = 12.5 WHERE placement_id % 211 = 0 AND soort = 'gewerkt' AND datum BETWEEN '2026-10-05' AND '2026-10-11';
UPDATE timesheets SET uren = 0 WHERE rowid % 997 = 0 AND soort = 'gewerkt';
-- Runs of sick days of 4 (not a finding) and 6 (a finding), across weekends.
UPDATE timesheets SET soort = 'ziek' WHERE soort = 'gewerkt' AND placement_id % 151 = 0 AND datum BETWEEN '2026-09-02' AND '2026-09-07';
UPDATE timesheets SET soort = 'ziek' WHERE soort = 'gewerkt' AND placement_id % 157 = 0 AND datum BETWEEN '2026-09-14' AND '2026-09-23';
-- A sick day next to a worked entry on the same day breaks a run; make a few.
INSERT OR IGNORE INTO timesheets (placement_id, datum, soort, uren, status)
SELECT placement_id, datum, 'ziek', 4, status FROM timesheets WHERE rowid % 401 = 0 AND soort = 'gewerkt';

-- The school's own calendar for 2026-2027 in regio midden: replaces every shipped holiday of
-- that school year (herfst on other days; no kerstvakantie at all).
INSERT INTO holidays (regio, schooljaar, naam, begin, eind) VALUES ('midden', '2026-2027', 'Herfstvakantie', '2026-10-10', '2026-10-18');

-- Recognitions (their presence switches niet-erkend on): most companies recognised for their
-- crebo, for every location or just theirs; some for another location only, some expired
-- before the start, some not at all.
INSERT OR IGNORE INTO recognitions (kvk, vestigingsnummer, crebo, erkend_vanaf, erkend_tot)
SELECT DISTINCT c.kvk,
       CASE WHEN c.id % 10 = 5 THEN '000000000001' WHEN c.id % 2 = 0 THEN c.vestigingsnummer END,
       p.crebo, '2020-01-01',
       CASE WHEN c.id % 10 = 7 THEN '2026-06-30' END
FROM placements p JOIN companies c ON c.id = p.company_id
WHERE c.id % 10 <> 3;

-- POKs: none for every 5th placement; version 1 for the rest, version 2 (data changed) for
-- some, whose signatures are all on version 1 and so no longer count.
INSERT INTO pok_versions (placement_id, version, generated_on, sha256, data_hash, data_json)
SELECT id, 1, '2026-05-01', 'bench', 'bench', '{}' FROM placements WHERE id % 5 <> 0;
INSERT INTO pok_versions (placement_id, version, generated_on, sha256, data_hash, data_json)
SELECT id, 2, '2026-10-01', 'bench', 'bench', '{}' FROM placements WHERE id % 5 <> 0 AND id % 13 = 0;
INSERT INTO pok_signatures (placement_id, version, party, signed_on)
SELECT placement_id, 1, 'student', CASE WHEN placement_id % 11 = 0 THEN '2026-12-01' ELSE '2026-06-01' END
FROM pok_versions WHERE version = 1 AND placement_id % 4 <> 1;
INSERT INTO pok_signatures (placement_id, version, party, signed_on)
SELECT placement_id, 1, 'leerbedrijf', '2026-06-02' FROM pok_versions WHERE version = 1 AND placement_id % 7 <> 0;
INSERT INTO pok_signatures (placement_id, version, party, signed_on)
SELECT placement_id, 1, 'school', '2026-06-03' FROM pok_versions WHERE version = 1;
INSERT INTO pok_signatures (placement_id, version, party, signed_on)
SELECT placement_id, 1, 'ouder', '2026-06-04' FROM pok_versions WHERE version = 1 AND placement_id % 3 <> 0;
INSERT INTO pok_signatures (placement_id, version, party, signed_on)
SELECT placement_id, 2, party, '2026-10-05' FROM pok_signatures WHERE version = 1 AND placement_id % 26 = 0;
