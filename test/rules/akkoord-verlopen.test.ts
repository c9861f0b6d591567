import { describe, expect, it } from 'vitest';
import { akkoordVerlopen } from '../../src/rules/akkoord-verlopen.js';
import { days, entry, hits, placement, where } from './helpers.js';

// einddatum 2027-01-31; 30 days later is 2027-03-02.
const entries = [
  ...days('2027-01-25', 3, 8, { status: 'goedgekeurd', goedgekeurd_op: '2027-02-01' }), // W04
  entry('2027-01-28', 8, { status: 'ingediend' }), // W04
  entry('2027-01-29', 8, { soort: 'ziek', status: 'concept' }), // W04
  ...days('2027-01-18', 2, 8, { status: 'goedgekeurd', goedgekeurd_op: '2027-01-25' }), // W03, all approved
];
const p = placement({ entries: [...entries].sort((a, b) => a.datum.localeCompare(b.datum)) });

describe('akkoord-verlopen', () => {
  it('still allows approval 30 days after the end', () => {
    expect(where(akkoordVerlopen, p, { asOf: '2027-03-02' })).toEqual([]);
  });

  it('fires on day 31 for weeks with unapproved entries of any soort', () => {
    expect(hits(akkoordVerlopen, p, { asOf: '2027-03-03' })).toEqual([
      {
        week: '2027-W04',
        day: expect.any(Number),
        details: {
          niet_goedgekeurd: 2,
          uren: 16,
          gewerkt: 8,
          effectieve_einddatum: '2027-01-31',
          uiterste_akkoorddatum: '2027-03-02',
        },
      },
    ]);
  });

  it('counts from the day the BPV was broken off', () => {
    const broken = placement({ beeindigd_op: '2026-11-15', beeindigd_reden: 'functioneren', entries: days('2026-11-09', 5) });
    expect(where(akkoordVerlopen, broken, { asOf: '2026-12-15' })).toEqual([]);
    expect(where(akkoordVerlopen, broken, { asOf: '2026-12-16' })).toEqual(['2026-W46']);
  });
});
