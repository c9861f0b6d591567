// AVG: export everything about one student; purge ended placements so the data is really gone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bpv, bpvJson, readDb, tempDir, utf8Csv } from './helpers.js';

const P = [
  ['plaatsing_id', 'studentnummer', 'voornaam', 'achternaam', 'geboortedatum', 'crebo', 'niveau', 'leerweg', 'leerbedrijf', 'kvk', 'praktijkopleider', 'email_praktijkopleider', 'startdatum', 'einddatum', 'uren_totaal', 'uren_per_week'],
  ['OUD', '111', 'Xylofoonia', 'Vergeetmij', '2005-01-01', '25491', '3', 'BOL', 'Oud BV', '01234567', 'Oudje Opleider', 'oud@oud.nl', '2025-09-01', '2026-01-31', '400', '32'],
  ['NIEUW', '222', 'Blijft', 'Bewaard', '2006-01-01', '25491', '3', 'BOL', 'Nieuw BV', '76543210', 'Nieuwe Opleider', 'nieuw@nieuw.nl', '2026-09-01', '2027-01-31', '400', '32'],
];
const T = [['plaatsing_id', 'datum', 'uren', 'werkzaamheden'], ['OUD', '2025-09-02', '8', 'Geheime notitie Xylofoonia'], ['NIEUW', '2026-09-02', '8', 'gewoon']];

describe('bpv student export | purge', () => {
  it('exports everything held on one student, and purges ended placements for good', () => {
    const dir = tempDir({ 'p.csv': utf8Csv(P), 't.csv': utf8Csv(T), 'p2.csv': utf8Csv([P[0]!, [...P[1]!.slice(0, 2), 'Xylofoonia', 'Vergeetmij-Anders', ...P[1]!.slice(4)]]) });
    bpv(['import', 'placements', 'p.csv'], { cwd: dir });
    bpv(['import', 'timesheets', 't.csv'], { cwd: dir });
    bpv(['import', 'placements', 'p2.csv'], { cwd: dir }); // an audited change carrying the name
    // what a coordinator did by hand, with names and notes
    for (const args of [['hours', 'approve', 'OUD', '--week', '2025-W36', '--on', '2025-09-10', '--by', 'Goedkeurder Zeldzaamnaam'],
      ['hours', 'correct', 'OUD', '--day', '2025-09-02', '--note', 'Xylofoonia loog over uren'],
      ['placements', 'end', 'OUD', '--date', '2026-01-15', '--reason', 'functioneren', '--note', 'Geheime eindnotitie']]) {
      expect(bpv(args, { cwd: dir }).code, args.join(' ')).toBe(0);
    }
    const exp = bpvJson(['student', 'export', '111'], { cwd: dir });
    expect(exp.placements[0]).toMatchObject({ beeindigd_reden: 'functioneren', beeindigd_notitie: 'Geheime eindnotitie' });
    expect(exp.timesheets[0]).toMatchObject({ status: 'correctie', correctie_notitie: 'Xylofoonia loog over uren' });
    expect(exp.audit_log.map((a: any) => [a.command, a.details.note ?? a.details.by])).toEqual([
      ['hours approve', 'Goedkeurder Zeldzaamnaam'], ['hours correct', 'Xylofoonia loog over uren'], ['placements end', 'Geheime eindnotitie'],
    ]);
    expect(exp.student).toMatchObject({ studentnummer: '111', voornaam: 'Xylofoonia' });
    expect(Object.keys(exp.student)).toEqual(['studentnummer', 'voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'email_student']);
    expect(exp.placements.map((p: any) => p.plaatsing_id)).toEqual(['OUD']);
    expect(exp.timesheets).toHaveLength(1);
    expect(exp.audit_changes.some((c: any) => c.new_value === 'Vergeetmij-Anders')).toBe(true);

    // a date after today would purge placements that are still running: refused, nothing removed
    const future = bpv(['student', 'purge', '--ended-before', `${new Date().getFullYear() + 1}-06-01`], { cwd: dir });
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('ligt na vandaag');
    expect(bpvJson(['placements', 'list', '--json'], { cwd: dir })).toHaveLength(2);
    const dry = JSON.parse(bpv(['student', 'purge', '--ended-before', '2026-08-01', '--dry-run', '--json'], { cwd: dir }).stdout);
    expect(dry).toMatchObject({ placements: 1, students: 1, persons: 1, timesheets: 1 });
    expect(bpvJson(['placements', 'list', '--json'], { cwd: dir })).toHaveLength(2);

    const r = bpv(['student', 'purge', '--ended-before', '2026-08-01'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(bpvJson(['placements', 'list', '--json'], { cwd: dir }).map((p: any) => p.plaatsing_id)).toEqual(['NIEUW']);
    expect(bpv(['student', 'export', '111'], { cwd: dir }).code).toBe(2);
    const log = readDb(path.join(dir, 'bpv.db'), (db) => db.prepare("SELECT counts, details FROM audit_log WHERE command = 'student purge'").get() as any);
    expect(JSON.parse(log.counts)).toMatchObject({ placements: 1, students: 1 });
    // the bytes are gone from the file, not only unlinked
    const bytes = Buffer.concat(['bpv.db', 'bpv.db-wal'].filter((f) => fs.existsSync(path.join(dir, f))).map((f) => fs.readFileSync(path.join(dir, f))));
    for (const secret of ['Xylofoonia', 'Vergeetmij', 'oud@oud.nl', 'Geheime notitie', 'Zeldzaamnaam', 'Geheime eindnotitie']) {
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    }
    // that it happened stays: the three commands, without their details
    const done = readDb(path.join(dir, 'bpv.db'), (db) => db.prepare("SELECT command, details FROM audit_log WHERE command IN ('hours approve', 'hours correct', 'placements end') ORDER BY id").all());
    expect(done).toEqual([{ command: 'hours approve', details: null }, { command: 'hours correct', details: null }, { command: 'placements end', details: null }]);
    expect(bytes.includes(Buffer.from('Bewaard'))).toBe(true);
  });
});
