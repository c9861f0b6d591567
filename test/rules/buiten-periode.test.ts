import { describe, expect, it } from 'vitest';
import { buitenPeriode } from '../../src/rules/buiten-periode.js';
import { entry, hits, placement, where } from './helpers.js';

describe('buiten-periode', () => {
  it('fires the day before startdatum, not on startdatum', () => {
    const p = placement({ entries: [entry('2026-08-31'), entry('2026-09-01')] });
    expect(where(buitenPeriode, p)).toEqual(['2026-08-31']);
  });

  it('fires the day after einddatum, not on einddatum', () => {
    const p = placement({ entries: [entry('2027-01-31'), entry('2027-02-01', 7.5)] });
    expect(hits(buitenPeriode, p, { asOf: '2027-03-01' })).toEqual([
      {
        date: '2027-02-01',
        day: expect.any(Number),
        details: { uren: 7.5, startdatum: '2026-09-01', effectieve_einddatum: '2027-01-31' },
      },
    ]);
  });

  it('uses the day the BPV was broken off as its end', () => {
    const p = placement({
      beeindigd_op: '2026-11-15',
      beeindigd_reden: 'overmacht',
      entries: [entry('2026-11-15'), entry('2026-11-16')],
    });
    const found = hits(buitenPeriode, p);
    expect(found.map((h) => h.date)).toEqual(['2026-11-16']);
    expect(found[0]!.details.effectieve_einddatum).toBe('2026-11-15');
  });

  it('ignores days without worked hours: 0 hours, or only sick', () => {
    const p = placement({ entries: [entry('2026-08-30', 0), entry('2026-08-31', 8, { soort: 'ziek' })] });
    expect(where(buitenPeriode, p)).toEqual([]);
  });

  it('leaves entries after as-of to toekomst', () => {
    const p = placement({ entries: [entry('2027-02-05')] });
    expect(where(buitenPeriode, p, { asOf: '2027-02-04' })).toEqual([]);
    expect(where(buitenPeriode, p, { asOf: '2027-02-05' })).toEqual(['2027-02-05']);
  });
});
