import { describe, expect, it } from 'vitest';
import { urenTekort } from '../../src/rules/uren-tekort.js';
import { days, entry, hits, placement, where } from './helpers.js';

// einddatum 2027-01-31, 640 hours; the rule applies from 2027-03-03 (more than 30 days after).
const approved = (n: number, uren = 8) => days('2026-09-01', n, uren, { status: 'goedgekeurd', goedgekeurd_op: '2027-01-31' });

describe('uren-tekort', () => {
  it('fires when approved hours fall short, a quarter hour is enough', () => {
    const entries = [...approved(79), entry('2026-11-19', 7.75, { status: 'goedgekeurd', goedgekeurd_op: '2026-11-23' })];
    expect(hits(urenTekort, placement({ entries }), { asOf: '2027-03-03' })).toEqual([
      { details: { goedgekeurd: 639.75, uren_totaal: 640, tekort: 0.25, einddatum: '2027-01-31' } },
    ]);
  });

  it('is satisfied by exactly uren_totaal, and more hours is never a finding', () => {
    expect(where(urenTekort, placement({ entries: approved(80) }), { asOf: '2027-03-03' })).toEqual([]);
    expect(where(urenTekort, placement({ entries: approved(100) }), { asOf: '2027-03-03' })).toEqual([]);
  });

  it('waits until more than 30 days after einddatum', () => {
    expect(where(urenTekort, placement(), { asOf: '2027-03-02' })).toEqual([]);
    expect(where(urenTekort, placement(), { asOf: '2027-03-03' })).toEqual(['placement']);
  });

  it('counts only approved worked hours inside the period', () => {
    const entries = [
      ...days('2026-08-20', 10, 8, { status: 'goedgekeurd', goedgekeurd_op: '2026-09-01' }), // before startdatum
      ...approved(70),
      ...days('2026-11-10', 10, 8, { status: 'ingediend' }),
    ];
    expect(hits(urenTekort, placement({ entries }), { asOf: '2027-03-03' })[0]!.details.goedgekeurd).toBe(560);
  });

  it('does not apply to a placement that was broken off', () => {
    const p = placement({ beeindigd_op: '2026-10-01', beeindigd_reden: 'overmacht' });
    expect(where(urenTekort, p, { asOf: '2027-06-01' })).toEqual([]);
  });
});
