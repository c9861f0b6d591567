import { describe, expect, it } from 'vitest';
import { akkoordTeLaat } from '../../src/rules/akkoord-te-laat.js';
import { days, hits, placement, where } from './helpers.js';

// Week 2026-W45 runs from Monday 2 to Sunday 8 November; its deadline is Monday 9 November.
const submitted = placement({ entries: days('2026-11-02', 4) });
const approvedOn = (on: string) =>
  placement({ entries: days('2026-11-02', 4, 8, { status: 'goedgekeurd', goedgekeurd_op: on }) });

describe('akkoord-te-laat', () => {
  it('gives the praktijkopleider up to and including the deadline Monday', () => {
    expect(where(akkoordTeLaat, submitted, { asOf: '2026-11-09' })).toEqual([]);
  });

  it('fires for a week still waiting on the Tuesday after', () => {
    expect(hits(akkoordTeLaat, submitted, { asOf: '2026-11-10' })).toEqual([
      {
        week: '2026-W45',
        day: expect.any(Number),
        details: { deadline: '2026-11-09', ingediend: 4, laat_goedgekeurd: 0, laatst_goedgekeurd_op: null },
      },
    ]);
  });

  it('counts approval on the deadline Monday as on time, on Tuesday as late', () => {
    expect(where(akkoordTeLaat, approvedOn('2026-11-09'), { asOf: '2026-12-01' })).toEqual([]);
    const late = hits(akkoordTeLaat, approvedOn('2026-11-10'), { asOf: '2026-12-01' });
    expect(late.map((h) => h.details)).toEqual([
      { deadline: '2026-11-09', ingediend: 0, laat_goedgekeurd: 4, laatst_goedgekeurd_op: '2026-11-10' },
    ]);
  });

  it('leaves concept weeks to niet-ingediend and correction requests to correctie-open', () => {
    const p = placement({
      entries: [...days('2026-11-02', 2, 8, { status: 'concept' }), ...days('2026-11-04', 2, 8, { status: 'correctie' })],
    });
    expect(where(akkoordTeLaat, p, { asOf: '2026-12-01' })).toEqual([]);
  });
});
