import { getISOWeek, getISOWeekYear } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  birthdayDay,
  isoWeek,
  mondayOfIsoWeek,
  parseCivil,
  toDay,
  toIso,
  weekday,
} from '../../src/rules/dates.js';
import { toHours, toUnits } from '../../src/rules/hours.js';

describe('epoch days', () => {
  it('round-trips every day between 1900 and 2200 like Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(toIso(day)).toBe(iso);
        expect(toDay(iso)).toBe(day);
      }),
    );
  });

  it('refuses dates that do not exist instead of rolling them over', () => {
    expect(parseCivil('2026-02-29')).toBeNull();
    expect(parseCivil('2028-02-29')).not.toBeNull();
    expect(parseCivil('2026-13-01')).toBeNull();
    expect(parseCivil('26-11-2026')).toBeNull();
    expect(() => toDay('2026-02-30')).toThrow(/Ongeldige datum "2026-02-30"/);
  });

  it('numbers weekdays from Monday', () => {
    expect(weekday(toDay('2026-11-02'))).toBe(0);
    expect(weekday(toDay('2026-11-08'))).toBe(6);
  });
});

describe('ISO weeks', () => {
  it('uses the ISO week-year at year boundaries', () => {
    expect(isoWeek(toDay('2027-01-01'))).toBe('2026-W53');
    expect(isoWeek(toDay('2024-12-30'))).toBe('2025-W01');
    expect(isoWeek(toDay('2021-01-03'))).toBe('2020-W53');
    expect(isoWeek(toDay('2026-11-02'))).toBe('2026-W45');
  });

  it('agrees with date-fns on any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50000 }), (day) => {
        const d = new Date(day * 86_400_000);
        const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
        const expected = `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
        expect(isoWeek(day)).toBe(expected);
      }),
    );
  });

  it('finds the Monday of a week and refuses weeks a year does not have', () => {
    expect(toIso(mondayOfIsoWeek('2026-W53')!)).toBe('2026-12-28');
    expect(toIso(mondayOfIsoWeek('2025-W01')!)).toBe('2024-12-30');
    expect(mondayOfIsoWeek('2025-W53')).toBeNull();
    expect(mondayOfIsoWeek('2025-W00')).toBeNull();
  });
});

describe('ages', () => {
  const birth = parseCivil('2009-03-01')!;

  it('is 17 up to the day before the 18th birthday', () => {
    expect(ageOn(birth, toDay('2027-02-28'))).toBe(17);
    expect(ageOn(birth, toDay('2027-03-01'))).toBe(18);
    expect(toIso(birthdayDay(birth, 18))).toBe('2027-03-01');
  });

  it('lets someone born on 29 February turn a year older on 1 March in other years', () => {
    const leap = parseCivil('2008-02-29')!;
    expect(ageOn(leap, toDay('2026-02-28'))).toBe(17);
    expect(ageOn(leap, toDay('2026-03-01'))).toBe(18);
    expect(toIso(birthdayDay(leap, 18))).toBe('2026-03-01');
    expect(toIso(birthdayDay(leap, 16))).toBe('2024-02-29');
    expect(ageOn(leap, toDay('2024-02-29'))).toBe(16);
  });
});

describe('hour units', () => {
  it('sums decimals without binary drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toUnits(0.1) + toUnits(0.2)).toBe(toUnits(0.3));
    const week = [7.1, 7.1, 7.1, 7.1, 3.6].reduce((s, h) => s + toUnits(h), 0);
    expect(week).toBe(toUnits(32));
    expect(toHours(toUnits(8.25) * 4)).toBe(33);
  });
});
