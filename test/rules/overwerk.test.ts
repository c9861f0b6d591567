import { describe, expect, it } from 'vitest';
import { overwerk } from '../../src/rules/overwerk.js';
import { entry, hits, placement, where } from './helpers.js';

// Week 2026-W45: Monday 2 to Sunday 8 November.
const week = (...hours: number[]) => hours.map((h, i) => entry(`2026-11-0${i + 2}`, h));

describe('overwerk', () => {
  it('allows exactly uren_per_week, fires a quarter hour above it', () => {
    expect(where(overwerk, placement({ entries: week(8, 8, 8, 8) }))).toEqual([]);
    expect(hits(overwerk, placement({ entries: week(8, 8, 8, 8.25) }))).toEqual([
      { week: '2026-W45', day: expect.any(Number), details: { gewerkt: 32.25, afgesproken: 32, marge: 0 } },
    ]);
  });

  it('sums decimals exactly: 4,4 + 11,8 + 8,1 + 7,7 is 32, not 32.00000000000001', () => {
    expect(4.4 + 11.8 + 8.1 + 7.7).toBeGreaterThan(32);
    expect(where(overwerk, placement({ entries: week(4.4, 11.8, 8.1, 7.7) }))).toEqual([]);
  });

  it('adds rules.overwerk.marge', () => {
    const settings = { 'rules.overwerk.marge': '2' };
    expect(where(overwerk, placement({ entries: week(8, 8, 9, 9) }), { settings })).toEqual([]);
    const found = hits(overwerk, placement({ entries: week(8, 8, 9, 9.25) }), { settings });
    expect(found[0]!.details).toEqual({ gewerkt: 34.25, afgesproken: 32, marge: 2 });
  });

  it('counts only worked hours, whatever their status', () => {
    const entries = [...week(8, 8, 8, 8), entry('2026-11-06', 8, { soort: 'ziek' })];
    expect(where(overwerk, placement({ entries }))).toEqual([]);
    const mixed = week(8, 8, 8, 9).map((e, i) => ({ ...e, status: i % 2 ? ('concept' as const) : ('goedgekeurd' as const) }));
    expect(where(overwerk, placement({ entries: mixed }))).toEqual(['2026-W45']);
  });

  it('keeps a week across New Year together under its ISO week-year', () => {
    const entries = [entry('2026-12-30', 12), entry('2026-12-31', 12), entry('2027-01-01', 9)];
    expect(where(overwerk, placement({ entries }), { asOf: '2027-01-10' })).toEqual(['2026-W53']);
  });
});
