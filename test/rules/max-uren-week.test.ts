import { describe, expect, it } from 'vitest';
import { maxUrenWeek } from '../../src/rules/max-uren-week.js';
import { days, hits, placement, where } from './helpers.js';

// Week 2026-W45: Monday 2 to Sunday 8 November; W46 starts Monday 9 November.
const w45 = (perDay: number, n = 5) => days('2026-11-02', n, perDay);
const w46 = (perDay: number, n = 5) => days('2026-11-09', n, perDay);

describe('max-uren-week', () => {
  it('allows an adult 60 hours, not 60,25', () => {
    expect(where(maxUrenWeek, placement({ entries: w45(12) }))).toEqual([]);
    const entries = [...w45(12), ...days('2026-11-07', 1, 0.25)];
    expect(hits(maxUrenWeek, placement({ entries }))[0]).toEqual({
      week: '2026-W45',
      day: expect.any(Number),
      details: { gewerkt: 60.25, maximum: 60, leeftijd: 26 },
    });
  });

  it('allows a 17-year-old 45 hours, not 45,5', () => {
    const p17 = { geboortedatum: '2009-03-01' };
    expect(where(maxUrenWeek, placement({ ...p17, entries: w45(9) }))).toEqual([]);
    expect(where(maxUrenWeek, placement({ ...p17, entries: w45(9.1) }))).toEqual(['2026-W45']);
  });

  it('allows a 15-year-old 35 hours, not 35,5', () => {
    const p15 = { geboortedatum: '2011-01-01' };
    expect(where(maxUrenWeek, placement({ ...p15, entries: w45(7) }))).toEqual([]);
    expect(where(maxUrenWeek, placement({ ...p15, entries: w45(7.1) }))).toEqual(['2026-W45']);
  });

  it('uses the age on the Monday: turning 18 on Wednesday keeps the 45-hour week', () => {
    const p = placement({ geboortedatum: '2008-11-04', entries: [...w45(9.2), ...w46(9.2)] });
    expect(hits(maxUrenWeek, p).map((h) => [h.week, h.details.maximum, h.details.leeftijd])).toEqual([['2026-W45', 45, 17]]);
  });

  it('counts a student turning 18 on the Monday as an adult for that week', () => {
    expect(where(maxUrenWeek, placement({ geboortedatum: '2008-11-02', entries: w45(9.2) }))).toEqual([]);
  });

  it('treats a student without geboortedatum as an adult', () => {
    expect(where(maxUrenWeek, placement({ geboortedatum: null, entries: w45(11) }))).toEqual([]);
  });
});
