import { describe, expect, it } from 'vitest';
import { langdurigZiek } from '../../src/rules/langdurig-ziek.js';
import { days, entry, hits, placement, where } from './helpers.js';

const ziek = (first: string, n: number) => days(first, n, 8, { soort: 'ziek' });

describe('langdurig-ziek', () => {
  it('fires for five sick days in a row, not for four', () => {
    expect(where(langdurigZiek, placement({ entries: ziek('2026-11-02', 4) }))).toEqual([]);
    expect(hits(langdurigZiek, placement({ entries: ziek('2026-11-02', 5) }))).toEqual([
      { day: expect.any(Number), details: { eerste_dag: '2026-11-02', laatste_dag: '2026-11-06', dagen: 5, drempel: 5 } },
    ]);
  });

  it('lets days without entries (a weekend) pass without breaking the run', () => {
    // Thursday, Friday, (weekend), Monday, Tuesday, Wednesday
    const entries = [...ziek('2026-11-05', 2), ...ziek('2026-11-09', 3)];
    expect(hits(langdurigZiek, placement({ entries })).map((h) => h.details)).toEqual([
      { eerste_dag: '2026-11-05', laatste_dag: '2026-11-11', dagen: 5, drempel: 5 },
    ]);
  });

  it('breaks the run on a day with any other entry, even beside a sick entry', () => {
    const worked = [...ziek('2026-11-02', 3), entry('2026-11-05'), ...ziek('2026-11-06', 2)];
    expect(where(langdurigZiek, placement({ entries: worked }))).toEqual([]);
    const mixed = [...ziek('2026-11-02', 5), entry('2026-11-04', 2, { soort: 'afwezig' })].sort((a, b) =>
      a.datum.localeCompare(b.datum),
    );
    expect(where(langdurigZiek, placement({ entries: mixed }))).toEqual([]);
  });

  it('reports each run once, with rules.ziek.dagen as threshold', () => {
    const entries = [...ziek('2026-11-02', 3), entry('2026-11-05'), ...ziek('2026-11-06', 3), entry('2026-11-09'), ...ziek('2026-11-10', 2)];
    const found = hits(langdurigZiek, placement({ entries }), { settings: { 'rules.ziek.dagen': '3' } });
    expect(found.map((h) => [h.details.eerste_dag, h.details.dagen])).toEqual([
      ['2026-11-02', 3],
      ['2026-11-06', 3],
    ]);
  });

  it('does not count sick days after as-of', () => {
    expect(where(langdurigZiek, placement({ entries: ziek('2026-11-02', 5) }), { asOf: '2026-11-05' })).toEqual([]);
  });
});
