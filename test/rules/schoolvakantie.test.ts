import { describe, expect, it } from 'vitest';
import type { Holiday } from '../../src/domain/types.js';
import { schoolvakantie } from '../../src/rules/schoolvakantie.js';
import { entry, hits, placement, where } from './helpers.js';

const holidays: Holiday[] = [
  { naam: 'Herfstvakantie', regio: 'zuid', begin: '2026-10-17', eind: '2026-10-25' },
  { naam: 'Herfstvakantie', regio: 'noord', begin: '2026-10-10', eind: '2026-10-18' },
];
const zuid = { settings: { 'school.regio': 'zuid' }, holidays };
const edges = [entry('2026-10-16'), entry('2026-10-17'), entry('2026-10-25'), entry('2026-10-26')];

describe('schoolvakantie', () => {
  it('fires on the first and last day of the holiday, not the day before or after', () => {
    expect(where(schoolvakantie, placement({ entries: edges }), zuid)).toEqual(['2026-10-17', '2026-10-25']);
  });

  it('names the holiday and the hours', () => {
    const found = hits(schoolvakantie, placement({ entries: [entry('2026-10-19', 6.5)] }), zuid);
    expect(found[0]!.details).toEqual({ uren: 6.5, vakantie: 'Herfstvakantie', regio: 'zuid' });
  });

  it("only uses school.regio's holidays", () => {
    const p = placement({ entries: [entry('2026-10-12')] });
    expect(where(schoolvakantie, p, zuid)).toEqual([]);
    expect(where(schoolvakantie, p, { settings: { 'school.regio': 'noord' }, holidays })).toEqual(['2026-10-12']);
  });

  it('allows holiday work that was agreed', () => {
    expect(where(schoolvakantie, placement({ vakantiewerk: true, entries: edges }), zuid)).toEqual([]);
  });

  it('leaves BBL alone unless rules.schoolvakantie.bbl is ja', () => {
    const p = placement({ leerweg: 'BBL', entries: edges });
    expect(where(schoolvakantie, p, zuid)).toEqual([]);
    const bbl = { ...zuid, settings: { 'school.regio': 'zuid', 'rules.schoolvakantie.bbl': 'ja' } };
    expect(where(schoolvakantie, p, bbl)).toEqual(['2026-10-17', '2026-10-25']);
  });

  it('ignores sick days and 0-hour entries in a holiday', () => {
    const p = placement({ entries: [entry('2026-10-19', 8, { soort: 'ziek' }), entry('2026-10-20', 0)] });
    expect(where(schoolvakantie, p, zuid)).toEqual([]);
  });

  it('does nothing while school.regio is not set', () => {
    expect(where(schoolvakantie, placement({ entries: edges }), { holidays })).toEqual([]);
  });
});
