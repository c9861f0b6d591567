// The shipped Rijksoverheid school holidays (data/schoolvakanties.json) are data the validator's
// `schoolvakantie` rule trusts blindly, so their shape and consistency are checked here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Vakantie {
  schooljaar: string;
  naam: string;
  regio: string;
  begin: string;
  eind: string;
}

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const data = JSON.parse(readFileSync(path.join(root, 'data/schoolvakanties.json'), 'utf8')) as {
  bron: unknown;
  vakanties: Vakantie[];
};
const REGIOS = ['noord', 'midden', 'zuid'];
const NAMEN = ['Herfstvakantie', 'Kerstvakantie', 'Voorjaarsvakantie', 'Meivakantie', 'Zomervakantie'];
const REQUIRED_YEARS = ['2024-2025', '2025-2026', '2026-2027'];

function isIsoDate(s: unknown): boolean {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** School year (1 August – 31 July) holding an ISO date. */
function schooljaarOf(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return m >= 8 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

function label(v: Vakantie): string {
  return `${v.schooljaar} ${v.naam} ${v.regio} ${v.begin}..${v.eind}`;
}

describe('data/schoolvakanties.json', () => {
  it('names its source', () => {
    expect(typeof data.bron).toBe('string');
    expect(data.bron as string).toMatch(/rijksoverheid\.nl/);
    expect(Array.isArray(data.vakanties)).toBe(true);
    expect(data.vakanties.length).toBeGreaterThan(0);
  });

  it('has only well-formed entries', () => {
    for (const v of data.vakanties) {
      expect(Object.keys(v).sort(), label(v)).toEqual(['begin', 'eind', 'naam', 'regio', 'schooljaar']);
      expect(isIsoDate(v.begin), label(v)).toBe(true);
      expect(isIsoDate(v.eind), label(v)).toBe(true);
      expect(v.begin <= v.eind, label(v)).toBe(true);
      expect(REGIOS, label(v)).toContain(v.regio);
      expect(NAMEN, label(v)).toContain(v.naam);
      expect(v.schooljaar, label(v)).toMatch(/^\d{4}-\d{4}$/);
      expect(schooljaarOf(v.begin), label(v)).toBe(v.schooljaar);
      // Rijksoverheid lists holidays from a Saturday up to and including a Sunday.
      expect(new Date(`${v.begin}T00:00:00Z`).getUTCDay(), label(v)).toBe(6);
      expect(new Date(`${v.eind}T00:00:00Z`).getUTCDay(), label(v)).toBe(0);
    }
  });

  it('has no duplicate entries', () => {
    const keys = data.vakanties.map((v) => `${v.schooljaar}|${v.naam}|${v.regio}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has no two holidays overlapping within a region', () => {
    for (const regio of REGIOS) {
      const list = data.vakanties.filter((v) => v.regio === regio).sort((a, b) => a.begin.localeCompare(b.begin));
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1]!;
        const cur = list[i]!;
        expect(prev.eind < cur.begin, `${label(prev)} overlaps ${label(cur)}`).toBe(true);
      }
    }
  });

  it('gives every region the same holiday names in each school year', () => {
    const years = [...new Set(data.vakanties.map((v) => v.schooljaar))];
    for (const year of years) {
      const namesOf = (regio: string) =>
        data.vakanties
          .filter((v) => v.schooljaar === year && v.regio === regio)
          .map((v) => v.naam)
          .sort();
      const noord = namesOf('noord');
      expect(namesOf('midden'), year).toEqual(noord);
      expect(namesOf('zuid'), year).toEqual(noord);
    }
  });

  it.each(REQUIRED_YEARS)('holds school year %s completely', (year) => {
    for (const regio of REGIOS) {
      const names = data.vakanties
        .filter((v) => v.schooljaar === year && v.regio === regio)
        .map((v) => v.naam)
        .sort();
      expect(names, `${year} ${regio}`).toEqual([...NAMEN].sort());
    }
  });

  it('has the same kerstvakantie in all regions', () => {
    const years = [...new Set(data.vakanties.map((v) => v.schooljaar))];
    for (const year of years) {
      const kerst = data.vakanties.filter((v) => v.schooljaar === year && v.naam === 'Kerstvakantie');
      expect(new Set(kerst.map((v) => `${v.begin}|${v.eind}`)).size, year).toBe(1);
    }
  });

  it('puts herfstvakantie 2026 of regio midden on 17–25 October (the fixtures rely on it)', () => {
    const h = data.vakanties.find((v) => v.schooljaar === '2026-2027' && v.naam === 'Herfstvakantie' && v.regio === 'midden');
    expect(h).toMatchObject({ begin: '2026-10-17', eind: '2026-10-25' });
  });
});
