import { describe, expect, it } from 'vitest';
import { nietErkend } from '../../src/rules/niet-erkend.js';
import { indexRecognitions, isRecognised } from '../../src/rules/recognition.js';
import { hits, placement, where } from './helpers.js';

describe('niet-erkend', () => {
  it('fires for a placement without a covering recognition, not with one', () => {
    expect(where(nietErkend, placement({ erkend: true }))).toEqual([]);
    expect(hits(nietErkend, placement({ erkend: false, vestigingsnummer: '000012345678' }))).toEqual([
      { details: { kvk: '12345678', vestigingsnummer: '000012345678', crebo: '25491', startdatum: '2026-09-01' } },
    ]);
  });
});

describe('recognition coverage', () => {
  const index = indexRecognitions([
    { kvk: '12345678', vestigingsnummer: null, crebo: '25491', erkend_vanaf: '2020-01-01', erkend_tot: '2026-08-31' },
    { kvk: '87654321', vestigingsnummer: '000000000001', crebo: '25491', erkend_vanaf: '2026-09-01', erkend_tot: null },
  ]);
  const company = (kvk: string, vestigingsnummer: string | null = null) => ({ kvk, vestigingsnummer });

  it('covers from erkend_vanaf up to and including erkend_tot', () => {
    expect(isRecognised(index, company('12345678'), '25491', '2026-08-31')).toBe(true);
    expect(isRecognised(index, company('12345678'), '25491', '2026-09-01')).toBe(false);
    expect(isRecognised(index, company('87654321', '000000000001'), '25491', '2026-08-31')).toBe(false);
    expect(isRecognised(index, company('87654321', '000000000001'), '25491', '2030-01-01')).toBe(true);
  });

  it('needs the vestigingsnummer only when the recognition names one', () => {
    expect(isRecognised(index, company('12345678', '000000000009'), '25491', '2025-01-01')).toBe(true);
    expect(isRecognised(index, company('87654321', '000000000002'), '25491', '2027-01-01')).toBe(false);
    expect(isRecognised(index, company('87654321'), '25491', '2027-01-01')).toBe(false);
  });

  it('is per crebo', () => {
    expect(isRecognised(index, company('12345678'), '25655', '2025-01-01')).toBe(false);
  });
});
