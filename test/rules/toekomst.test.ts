import { describe, expect, it } from 'vitest';
import { toekomst } from '../../src/rules/toekomst.js';
import { entry, hits, placement, where } from './helpers.js';

describe('toekomst', () => {
  it('fires the day after as-of, not on as-of itself', () => {
    const p = placement({ entries: [entry('2026-11-10'), entry('2026-11-11')] });
    expect(where(toekomst, p, { asOf: '2026-11-10' })).toEqual(['2026-11-11']);
  });

  it('reports every soort and status, once per day', () => {
    const p = placement({
      entries: [
        entry('2026-11-12', 4, { status: 'concept' }),
        entry('2026-11-12', 4, { soort: 'ziek', status: 'goedgekeurd', goedgekeurd_op: '2026-11-12' }),
        entry('2026-11-13', 8, { soort: 'verlof' }),
      ],
    });
    expect(hits(toekomst, p, { asOf: '2026-11-10' }).map((h) => [h.date, h.details])).toEqual([
      ['2026-11-12', { uren: 8, soorten: ['gewerkt', 'ziek'], peildatum: '2026-11-10' }],
      ['2026-11-13', { uren: 8, soorten: ['verlof'], peildatum: '2026-11-10' }],
    ]);
  });
});
