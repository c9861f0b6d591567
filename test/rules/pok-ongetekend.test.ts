import { describe, expect, it } from 'vitest';
import { pokOngetekend, requiredPokParties } from '../../src/rules/pok-ongetekend.js';
import { hits, placement, where } from './helpers.js';

const signedByAll = { student: '2026-08-20', leerbedrijf: '2026-08-21', school: '2026-08-22' };

describe('pok-ongetekend', () => {
  it('is silent when every party signed the current version', () => {
    expect(where(pokOngetekend, placement(), { asOf: '2026-09-01' })).toEqual([]);
  });

  it('fires as an error once started when a signature is missing', () => {
    const p = placement({ pok: { version: 2, signed: { student: '2026-08-20', leerbedrijf: '2026-08-21' } } });
    expect(hits(pokOngetekend, p, { asOf: '2026-09-01' })).toEqual([
      {
        details: {
          versie: 2,
          vereist: ['student', 'leerbedrijf', 'school'],
          ontbrekend: ['school'],
          gestart: true,
          startdatum: '2026-09-01',
          verouderd: false,
        },
      },
    ]);
  });

  it('fires for a fully signed POK whose data changed since: every party signs the new version', () => {
    const p = placement({ pok: { version: 3, signed: signedByAll, outdated: true } });
    const found = hits(pokOngetekend, p, { asOf: '2026-09-01' });
    expect(found.map((h) => h.details)).toEqual([
      { versie: 3, vereist: ['student', 'leerbedrijf', 'school'], ontbrekend: ['student', 'leerbedrijf', 'school'], gestart: true, startdatum: '2026-09-01', verouderd: true },
    ]);
  });

  it('is at most a warning the day before the start', () => {
    const found = hits(pokOngetekend, placement({ pok: { version: null, signed: {} } }), { asOf: '2026-08-31' });
    expect(found).toHaveLength(1);
    expect(found[0]!.maxSeverity).toBe('warning');
    expect(found[0]!.details.ontbrekend).toEqual(['student', 'leerbedrijf', 'school']);
  });

  it('needs the parent when the student is under 18 on startdatum, not when 18 that day', () => {
    const minor = placement({ geboortedatum: '2008-09-02', pok: { version: 1, signed: signedByAll } });
    expect(hits(pokOngetekend, minor).map((h) => h.details.ontbrekend)).toEqual([['ouder']]);
    const adult = placement({ geboortedatum: '2008-09-01', pok: { version: 1, signed: signedByAll } });
    expect(where(pokOngetekend, adult)).toEqual([]);
    expect(requiredPokParties(null, '2026-09-01')).toEqual(['student', 'leerbedrijf', 'school']);
  });

  it('does not count a signature dated after as-of', () => {
    const p = placement({ pok: { version: 1, signed: { ...signedByAll, school: '2026-09-10' } } });
    expect(where(pokOngetekend, p, { asOf: '2026-09-09' })).toEqual(['placement']);
    expect(where(pokOngetekend, p, { asOf: '2026-09-10' })).toEqual([]);
  });
});
