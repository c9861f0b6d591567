import { describe, expect, it } from 'vitest';
import { correctieOpen } from '../../src/rules/correctie-open.js';
import { days, entry, hits, placement, where } from './helpers.js';

// Week 2026-W45 ends on Sunday 8 November; 7 days later is Sunday 15 November.
const p = placement({ entries: [entry('2026-11-02'), ...days('2026-11-03', 2, 8, { status: 'correctie' })] });

describe('correctie-open', () => {
  it('allows 7 days after the week for the correction', () => {
    expect(where(correctieOpen, p, { asOf: '2026-11-15' })).toEqual([]);
  });

  it('fires on the 8th day', () => {
    expect(hits(correctieOpen, p, { asOf: '2026-11-16' })).toEqual([
      { week: '2026-W45', day: expect.any(Number), details: { correctie: 2, dagen_na_week: 8 } },
    ]);
  });

  it('is silent for a week without correction requests', () => {
    expect(where(correctieOpen, placement({ entries: days('2026-11-02', 5) }), { asOf: '2026-12-31' })).toEqual([]);
  });
});
