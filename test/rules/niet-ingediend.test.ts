import { describe, expect, it } from 'vitest';
import { nietIngediend } from '../../src/rules/niet-ingediend.js';
import { days, entry, hits, placement, where } from './helpers.js';

// Week 2026-W45 runs from Monday 2 to Sunday 8 November.
const concept = placement({ entries: [entry('2026-11-02'), ...days('2026-11-03', 3, 8, { status: 'concept' })] });

describe('niet-ingediend', () => {
  it('never fires for the current week, even on its Sunday', () => {
    expect(where(nietIngediend, concept, { asOf: '2026-11-04' })).toEqual([]);
    expect(where(nietIngediend, concept, { asOf: '2026-11-08' })).toEqual([]);
  });

  it('fires from the Monday after, counting the concept entries', () => {
    expect(hits(nietIngediend, concept, { asOf: '2026-11-09' })).toEqual([
      { week: '2026-W45', day: expect.any(Number), details: { concept: 3 } },
    ]);
  });

  it('is silent for a submitted week', () => {
    expect(where(nietIngediend, placement({ entries: days('2026-11-02', 5) }), { asOf: '2026-12-01' })).toEqual([]);
  });

  it('looks at every soort', () => {
    const p = placement({ entries: [entry('2026-11-02', 8, { soort: 'ziek', status: 'concept' })] });
    expect(where(nietIngediend, p, { asOf: '2026-11-09' })).toEqual(['2026-W45']);
  });
});
