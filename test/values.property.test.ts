// Property tests for the value parsers: every valid value in every accepted spelling parses to
// the one canonical form; nothing invalid slips through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidYmd, parseCrebo, parseDate, parseDigits, parseEmail, parseHours, parseJaNee, parseLeerweg, parseNiveau, parsePostcode,
} from '../src/import/values.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const validDate = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }));

describe('parseDate', () => {
  it('every accepted spelling of a real date gives the same ISO date', () => {
    fc.assert(fc.property(validDate, fc.boolean(), ({ y, m, d }, padded) => {
      const iso = `${y}-${pad(m)}-${pad(d)}`;
      const dd = padded ? pad(d) : String(d);
      const mm = padded ? pad(m) : String(m);
      for (const s of [iso, `${dd}-${mm}-${y}`, `${dd}/${mm}/${y}`, `${dd}.${mm}.${y}`, `  ${dd}-${mm}-${y} `]) {
        expect(parseDate(s)).toEqual({ ok: true, value: iso });
      }
    }));
  });

  it('never accepts a day that does not exist, and never reads US order', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const r = parseDate(`${pad(d)}-${pad(m)}-${y}`);
      expect(r.ok).toBe(isValidYmd(y, m, d));
      if (r.ok) expect(r.value).toBe(`${y}-${pad(m)}-${pad(d)}`);
    }));
    expect(parseDate('31-02-2026').ok).toBe(false);
    expect(parseDate('29-02-2028')).toEqual({ ok: true, value: '2028-02-29' });
    expect(parseDate('29-02-2100').ok).toBe(false);
    expect(parseDate('12/31/2026').ok).toBe(false);
    expect(parseDate('2026-9-1')).toEqual({ ok: true, value: '2026-09-01' });
    expect(parseDate('1-9-26').ok).toBe(false);
  });
});

describe('parseHours', () => {
  it('reads a decimal comma and a decimal point alike, exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }), (whole, frac) => {
      const f = pad(frac);
      const expected = Number(`${whole}.${f}`);
      expect(parseHours(`${whole},${f}`)).toEqual({ ok: true, value: expected });
      expect(parseHours(`${whole}.${f}`)).toEqual({ ok: true, value: expected });
      expect(parseHours(String(whole))).toEqual({ ok: true, value: whole });
    }));
  });
  it('refuses what it would have to guess', () => {
    expect(parseHours('1.600').ok).toBe(false); // 1600 or 1,6?
    expect(parseHours('1.600,5')).toEqual({ ok: true, value: 1600.5 });
    expect(parseHours('0.125')).toEqual({ ok: true, value: 0.125 });
    for (const bad of ['', 'acht', '7,5 uur', '-3', '1,2,3', '7.5.1']) expect(parseHours(bad).ok).toBe(false);
  });
  it('refuses more than four decimals: the rules compare hours in units of 1/10000 hour, exactly', () => {
    expect(parseHours('7,3333')).toEqual({ ok: true, value: 7.3333 });
    expect(parseHours('8,00000')).toEqual({ ok: true, value: 8 }); // exactly 8
    for (const fine of ['8.00001', '7,33333', '1.234,56789']) {
      const r = parseHours(fine);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain("4 decimalen");
    }
  });
});

describe('identifiers stay text', () => {
  it('KvK numbers keep leading zeros; anything but 8 digits is refused', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{1,12}$/), (s) => {
      const r = parseDigits(s, 8, 'kvk');
      expect(r.ok).toBe(s.length === 8);
      if (r.ok) expect(r.value).toBe(s);
    }));
    expect(parseDigits('0123 4567', 8, 'kvk')).toEqual({ ok: true, value: '01234567' });
  });
  it('crebo: 5 digits, a thousands dot dropped', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{5}$/), (s) => {
      expect(parseCrebo(s)).toEqual({ ok: true, value: s });
      expect(parseCrebo(`${s.slice(0, 2)}.${s.slice(2)}`)).toEqual({ ok: true, value: s });
    }));
    for (const bad of ['2549', '254911', '25A91', '2.5491']) expect(parseCrebo(bad).ok).toBe(false);
  });
  it('postcode: normalised to 1234 AB whatever the spacing and case', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9999 }), fc.stringMatching(/^[a-zA-Z]{2}$/), fc.constantFrom('', ' ', '  '), (n, l, sp) => {
      expect(parsePostcode(`${n}${sp}${l}`)).toEqual({ ok: true, value: `${n} ${l.toUpperCase()}` });
    }));
    for (const bad of ['0123 AB', '123 AB', '1234 A', '1234-AB', '1234 ABC']) expect(parsePostcode(bad).ok).toBe(false);
  });
});

describe('the small enumerations', () => {
  it('niveau 1–4, leerweg in any case, ja/nee in every spelling', () => {
    for (const n of ['1', '2', '3', '4']) expect(parseNiveau(n)).toEqual({ ok: true, value: Number(n) });
    for (const n of ['0', '5', '3.0', 'drie']) expect(parseNiveau(n).ok).toBe(false);
    for (const l of ['bol', 'BOL', 'Bol', ' bbl ']) expect(parseLeerweg(l).ok).toBe(true);
    expect(parseLeerweg('BOLL').ok).toBe(false);
    for (const y of ['ja', 'J', 'yes', 'TRUE', '1']) expect(parseJaNee(y)).toEqual({ ok: true, value: true });
    for (const n of ['nee', 'N', 'no', 'false', '0']) expect(parseJaNee(n)).toEqual({ ok: true, value: false });
    expect(parseJaNee('misschien').ok).toBe(false);
  });
  it('e-mail is lower-cased and checked', () => {
    fc.assert(fc.property(fc.emailAddress(), (e) => {
      const r = parseEmail(e);
      if (r.ok) expect(r.value).toBe(e.toLowerCase());
    }));
    expect(parseEmail(' Jan.De.Vries@School.NL ')).toEqual({ ok: true, value: 'jan.de.vries@school.nl' });
    for (const bad of ['jan', 'jan@', '@school.nl', 'jan@@school.nl', 'jan de vries@school.nl', 'jan@school']) expect(parseEmail(bad).ok).toBe(false);
  });
});

describe('the fast paths read as the careful ones', () => {
  // the rules of parseHours and parseDate in regular expressions, as they were before the
  // common cases got paths of their own
  const hoursByRegex = (raw: string): number | undefined => {
    const s = raw.trim().replace(/\s/g, '');
    if (/^[1-9]\d{0,2}(\.\d{3})+$/.test(s)) return undefined;
    let t = s;
    if (/^\d{1,3}(\.\d{3})+,\d+$/.test(t)) t = t.replace(/\./g, '');
    if (!/^\d+([.,]\d+)?$/.test(t)) return undefined;
    if (/[.,]\d{4}\d*[1-9]/.test(t)) return undefined;
    return Number(t.replace(',', '.'));
  };
  const isoByRegex = (s: string): string | undefined => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    return m && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3])) ? s : undefined;
  };

  it('hours', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9.,]{0,7}$/), (s) => {
      const r = parseHours(s);
      expect(r.ok ? r.value : undefined).toBe(hoursByRegex(s));
    }), { numRuns: 5000 });
  });

  it('dates written YYYY-MM-DD, and near misses', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$|^[0-9a-]{10}$/), (s) => {
      const r = parseDate(s);
      const expected = isoByRegex(s);
      // a near miss may still be a valid date in another spelling (parseDate's other paths)
      if (expected !== undefined) expect(r).toEqual({ ok: true, value: expected });
      else if (r.ok) expect(/^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}([-/.])\d{1,2}\1\d{4}$/.test(s)).toBe(true);
    }), { numRuns: 5000 });
  });
});
