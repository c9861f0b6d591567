import { describe, expect, it } from 'vitest';
import { maxUrenDag } from '../../src/rules/max-uren-dag.js';
import { entry, hits, placement, where } from './helpers.js';

describe('max-uren-dag', () => {
  it('allows an adult 12 hours, not 12,25', () => {
    const p = placement({ entries: [entry('2026-11-02', 12), entry('2026-11-03', 12.25)] });
    expect(hits(maxUrenDag, p)).toEqual([
      { date: '2026-11-03', day: expect.any(Number), details: { uren: 12.25, maximum: 12, leeftijd: 26 } },
    ]);
  });

  it('allows a 17-year-old 9 hours, not 9,5', () => {
    const p = placement({ geboortedatum: '2009-03-01', entries: [entry('2026-11-02', 9), entry('2026-11-03', 9.5)] });
    expect(hits(maxUrenDag, p).map((h) => [h.date, h.details.maximum, h.details.leeftijd])).toEqual([['2026-11-03', 9, 17]]);
  });

  it('allows a 15-year-old 7 hours, not 7,25', () => {
    const p = placement({ geboortedatum: '2011-01-01', entries: [entry('2026-11-02', 7), entry('2026-11-03', 7.25)] });
    expect(where(maxUrenDag, p)).toEqual(['2026-11-03']);
  });

  it('uses the age on the day itself: 9,5 hours fires the day before the 18th birthday, not on it', () => {
    const p = placement({ geboortedatum: '2008-11-04', entries: [entry('2026-11-03', 9.5), entry('2026-11-04', 9.5)] });
    expect(where(maxUrenDag, p)).toEqual(['2026-11-03']);
  });

  it('treats a student without geboortedatum as an adult', () => {
    const p = placement({ geboortedatum: null, entries: [entry('2026-11-02', 12), entry('2026-11-03', 12.5)] });
    expect(hits(maxUrenDag, p).map((h) => h.details)).toEqual([{ uren: 12.5, maximum: 12, leeftijd: null }]);
  });

  it('counts only worked hours of the day', () => {
    const p = placement({ entries: [entry('2026-11-02', 8), entry('2026-11-02', 8, { soort: 'verlof' })] });
    expect(where(maxUrenDag, p)).toEqual([]);
  });
});
