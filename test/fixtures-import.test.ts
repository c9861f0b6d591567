// The shipped fixtures through the real CLI: the placement files import cleanly, diacritics
// read back unchanged, and the mistakes file gives exactly the errors fixtures/README.md lists.
// (Timesheets, recognitions and holidays join here as their import kinds land.)
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bpv, bpvJson, FIXTURES, tempDir } from './helpers.js';

interface Summary {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: { line: number; column: string; value: string; message: string }[];
  warnings?: unknown[];
}

describe('fixtures through bpv import', () => {
  it('imports both placement files without a rejected row or a warning, and a second time changes nothing', () => {
    const cwd = tempDir();
    const a = bpvJson<Summary>(['import', 'placements', path.join(FIXTURES, 'plaatsingen.csv'), '--json'], { cwd });
    expect(a).toMatchObject({ read: 36, inserted: 36, rejected: 0 });
    expect(a.warnings ?? []).toEqual([]);
    const b = bpvJson<Summary>(['import', 'placements', path.join(FIXTURES, 'plaatsingen-utf8.csv'), '--json'], { cwd });
    expect(b).toMatchObject({ read: 6, inserted: 6, rejected: 0 });
    const again = bpvJson<Summary>(['import', 'placements', path.join(FIXTURES, 'plaatsingen.csv'), '--json'], { cwd });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 36, rejected: 0 });

    const p = bpvJson(['placements', 'show', 'P-1033', '--json'], { cwd });
    expect(p).toMatchObject({ achternaam: 'Öztürk', kvk: '32087654', uren_totaal: 1336, startdatum: '2025-09-01' });
    expect(p.leerdoelen).toContain('‘à la minute’');
    expect(p.leerdoelen).toContain('\n');
    expect(bpvJson(['placements', 'show', 'P-1016', '--json'], { cwd })).toMatchObject({ kvk: '04518832', postcode: '3531 KX', crebo: '25603' });
    expect(bpvJson(['placements', 'show', 'P-2002', '--json'], { cwd })).toMatchObject({ voornaam: 'Marĳke', achternaam: 'Ĳzerman' });
  });

  it('rejects the 13 mistake rows of fouten/plaatsingen-fouten.csv, each on its own line and column', () => {
    const cwd = tempDir();
    const r = bpv(['import', 'placements', path.join(FIXTURES, 'fouten', 'plaatsingen-fouten.csv'), '--json'], { cwd });
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s).toMatchObject({ read: 15, inserted: 2, rejected: 13 });
    expect(s.errors.map((e) => [e.line, e.column])).toEqual([
      [4, 'startdatum'], [5, 'einddatum'], [6, 'niveau'], [7, 'leerweg'], [8, 'kvk'], [9, 'email_praktijkopleider'],
      [10, 'uren_per_week'], [11, 'uren_totaal'], [12, 'crebo'], [13, 'plaatsing_id'], [14, 'achternaam'],
      [15, 'postcode'], [16, 'vakantiewerk'],
    ]);
  });
});
