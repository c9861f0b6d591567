// bench/generate.mjs feeds the benchmarks: its output must be valid import input (canonical
// headers, unique keys, rows inside their placement's period) and the same for the same seed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, PLACEMENT_COLUMNS, TIMESHEET_COLUMNS, timesheetLines } from '../bench/generate.mjs';

describe('bench/generate.mjs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bpv-gen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes placements.csv and timesheets.csv with the requested counts', async () => {
    const r = await generate({ placements: 300, timesheets: 5000, out: dir });
    expect(r).toMatchObject({ placements: 300, timesheets: 5000 });
    const placements = parse(readFileSync(path.join(dir, 'placements.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const timesheets = parse(readFileSync(path.join(dir, 'timesheets.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(placements[0]!)).toEqual(PLACEMENT_COLUMNS);
    expect(Object.keys(timesheets[0]!)).toEqual(TIMESHEET_COLUMNS);
    expect(placements).toHaveLength(300);
    expect(timesheets).toHaveLength(5000);
    expect(placements[0]!.plaatsing_id).toBe('P-000001');

    const byId = new Map(placements.map((p) => [p.plaatsing_id, p]));
    expect(byId.size).toBe(300);
    expect(placements.every((p) => /^\d{8}$/.test(p.kvk!) && p.geboortedatum !== '' && p.startdatum! <= p.einddatum!)).toBe(true);
    const keys = new Set<string>();
    let outside = 0;
    for (const t of timesheets) {
      const p = byId.get(t.plaatsing_id!)!;
      expect(p, t.plaatsing_id).toBeDefined();
      const key = `${t.plaatsing_id}|${t.datum}|${t.soort}`;
      expect(keys.has(key), key).toBe(false);
      keys.add(key);
      if (t.datum! < p.startdatum! || t.datum! > p.einddatum!) outside++;
      expect(t.datum! <= '2026-11-22').toBe(true);
      if (t.status === 'goedgekeurd') expect(t.goedgekeurd_op).not.toBe('');
    }
    expect(outside).toBeLessThan(timesheets.length / 100); // a sprinkling, not a habit
  });

  it('is deterministic for a seed', () => {
    const a = [...timesheetLines({ placements: 50, timesheets: 500, seed: 7 })];
    const b = [...timesheetLines({ placements: 50, timesheets: 500, seed: 7 })];
    const c = [...timesheetLines({ placements: 50, timesheets: 500, seed: 8 })];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});
