import { describe, expect, it } from 'vitest';
import { urenAchterstand } from '../../src/rules/uren-achterstand.js';
import { entry, hits, placement, where } from './helpers.js';

// 8 weeks, Monday 2 November to Sunday 27 December 2026 (56 days), 256 hours. After the first
// week (7 of 56 days) 0,8 × 256 × 7/56 = 25,6 hours are expected.
const base = { startdatum: '2026-11-02', einddatum: '2026-12-27', uren_totaal: 256 };
const firstWeek = (...hours: number[]) => hours.map((h, i) => entry(`2026-11-0${i + 2}`, h));

describe('uren-achterstand', () => {
  it('fires just below the pro-rata threshold, not at it', () => {
    expect(where(urenAchterstand, placement({ ...base, entries: firstWeek(8, 8, 9.6) }), { asOf: '2026-11-10' })).toEqual([]);
    expect(hits(urenAchterstand, placement({ ...base, entries: firstWeek(8, 8, 9.5) }), { asOf: '2026-11-10' })).toEqual([
      {
        details: {
          gewerkt: 25.5,
          verwacht: 25.6,
          drempel: 0.8,
          uren_totaal: 256,
          startdatum: '2026-11-02',
          tot_en_met: '2026-11-08',
        },
      },
    ]);
  });

  it('never finds a placement in its first week behind, even with no hours at all', () => {
    expect(where(urenAchterstand, placement({ ...base }), { asOf: '2026-11-08' })).toEqual([]);
    const midweek = { ...base, startdatum: '2026-11-04' };
    expect(where(urenAchterstand, placement(midweek), { asOf: '2026-11-08' })).toEqual([]);
    expect(where(urenAchterstand, placement(midweek), { asOf: '2026-11-09' })).toEqual(['placement']);
  });

  it('does not count hours sent back for correction', () => {
    const entries = firstWeek(8, 8, 9.6).map((e, i) => (i === 0 ? { ...e, status: 'correctie' as const } : e));
    expect(where(urenAchterstand, placement({ ...base, entries }), { asOf: '2026-11-10' })).toEqual(['placement']);
  });

  it('uses rules.achterstand.drempel', () => {
    const p = placement({ ...base, entries: firstWeek(8, 8, 9.5) });
    expect(where(urenAchterstand, p, { asOf: '2026-11-10', settings: { 'rules.achterstand.drempel': '0,75' } })).toEqual([]);
  });

  it('only looks at placements running on the as-of date', () => {
    expect(where(urenAchterstand, placement({ ...base }), { asOf: '2026-12-28' })).toEqual([]);
    const broken = placement({ ...base, beeindigd_op: '2026-11-20', beeindigd_reden: 'overmacht' });
    expect(where(urenAchterstand, broken, { asOf: '2026-11-20' })).toEqual(['placement']);
    expect(where(urenAchterstand, broken, { asOf: '2026-11-21' })).toEqual([]);
  });
});
