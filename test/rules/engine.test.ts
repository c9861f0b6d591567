import { describe, expect, it } from 'vitest';
import { ValidationDataError, ValidationInputError, runRules } from '../../src/rules/engine.js';
import type { PlacementInput, ValidationInput } from '../../src/rules/types.js';
import { days, entry, placement } from './helpers.js';

// uren-achterstand is off unless a test asks for it: the sparse test placements are all behind.
function input(placements: PlacementInput[], over: Partial<ValidationInput> = {}): ValidationInput {
  return {
    asOf: '2026-11-24',
    lang: 'nl',
    placements,
    holidays: [],
    recognitionsImported: true,
    ...over,
    settings: { 'school.regio': 'zuid', 'rules.uren-achterstand.severity': 'off', ...over.settings },
  };
}

// W45: 38 hours in four days, approved on time (no other finding).
const overtime = days('2026-11-02', 4, 9.5, { status: 'goedgekeurd', goedgekeurd_op: '2026-11-09' });
const approved = (datum: string, uren = 8) => entry(datum, uren, { status: 'goedgekeurd', goedgekeurd_op: datum });

describe('runRules', () => {
  it('produces the SPEC JSON shape with a Dutch message and numbers in details', () => {
    const result = runRules(input([placement({ entries: overtime })]));
    expect(result).toEqual({
      as_of: '2026-11-24',
      findings: [
        {
          rule: 'overwerk',
          severity: 'error',
          placement: 'P-1',
          student: '123456',
          date: null,
          week: '2026-W45',
          message:
            '38 uur gewerkt in week 2026-W45, afgesproken 32: overwerk niet als BPV-uren registreren; laat de student de week corrigeren.',
          details: { gewerkt: 38, afgesproken: 32, marge: 0 },
        },
      ],
      summary: { error: 1, warning: 0, info: 0 },
      notes: ["Regel schoolvakantie had geen schoolvakanties voor regio zuid; controleer 'bpv holidays list --regio zuid'."],
    });
  });

  it('speaks English with lang en, with a decimal point', () => {
    const entries = days('2026-11-02', 4, 8.125, { status: 'goedgekeurd', goedgekeurd_op: '2026-11-09' });
    const [f] = runRules(input([placement({ uren_per_week: 32.25, entries: [...entries, entry('2026-11-06', 0.5, { status: 'goedgekeurd', goedgekeurd_op: '2026-11-09' })] })], { lang: 'en' })).findings;
    expect(f!.message).toBe(
      '33 hours worked in week 2026-W45, agreed 32.25: overtime is not to be registered as BPV hours; have the student correct the week.',
    );
    const nl = runRules(input([placement({ uren_per_week: 32.25, entries: days('2026-11-02', 4, 8.125, { status: 'goedgekeurd', goedgekeurd_op: '2026-11-09' }).concat(entry('2026-11-06', 1, { status: 'goedgekeurd', goedgekeurd_op: '2026-11-09' })) })]));
    expect(nl.findings[0]!.message).toMatch(/^33,5 uur gewerkt in week 2026-W45, afgesproken 32,25:/);
  });

  it('sorts by placement id as strings, placement findings first, then by day or Monday, then rule', () => {
    const p2 = placement({
      plaatsing_id: 'P-2',
      pok: { version: null, signed: {} },
      erkend: false,
      entries: [approved('2026-08-31', 13), ...overtime, entry('2026-11-30')],
    });
    const p10 = placement({ plaatsing_id: 'P-10', entries: [approved('2026-08-31')] });
    const result = runRules(input([p2, p10]));
    expect(result.findings.map((f) => [f.placement, f.rule, f.date ?? f.week])).toEqual([
      ['P-10', 'buiten-periode', '2026-08-31'],
      ['P-2', 'niet-erkend', null],
      ['P-2', 'pok-ongetekend', null],
      ['P-2', 'buiten-periode', '2026-08-31'],
      ['P-2', 'max-uren-dag', '2026-08-31'],
      ['P-2', 'overwerk', '2026-W45'],
      ['P-2', 'toekomst', '2026-11-30'],
    ]);
  });

  it('filters findings by --from/--to: days by date, weeks by overlap, placement findings always', () => {
    const p = placement({ pok: { version: null, signed: {} }, entries: [...overtime, approved('2026-11-10', 13)] });
    const pick = (from: string, to: string) =>
      runRules(input([p], { filters: { from, to } })).findings.map((f) => f.date ?? f.week ?? f.rule);
    expect(pick('2026-11-08', '2026-11-08')).toEqual(['pok-ongetekend', '2026-W45']);
    expect(pick('2026-11-10', '2026-11-10')).toEqual(['pok-ongetekend', '2026-11-10']);
    expect(pick('2026-11-11', '2026-11-20')).toEqual(['pok-ongetekend']);
  });

  it('runs only the rules asked for, and refuses unknown ones', () => {
    const p = placement({ pok: { version: null, signed: {} }, entries: overtime });
    expect(runRules(input([p], { filters: { rules: ['overwerk'] } })).findings.map((f) => f.rule)).toEqual(['overwerk']);
    expect(() => runRules(input([p], { filters: { rules: ['overwerk', 'te-veel'] } }))).toThrow(ValidationInputError);
    expect(() => runRules(input([p], { filters: { rules: ['te-veel'] } }))).toThrow(/Onbekende regel "te-veel"\. Bekende regels: buiten-periode/);
  });

  it('filters placements by id and praktijkopleider', () => {
    const a = placement({ plaatsing_id: 'A', entries: overtime });
    const b = placement({ plaatsing_id: 'B', email_praktijkopleider: 'jan@zorg.nl', entries: overtime });
    const ids = (filters: ValidationInput['filters']) => runRules(input([a, b], { filters })).findings.map((f) => f.placement);
    expect(ids({ placement: 'B' })).toEqual(['B']);
    expect(ids({ praktijkopleider: 'Jan@Zorg.nl' })).toEqual(['B']);
    expect(ids({})).toEqual(['A', 'B']);
  });

  it('applies configured severities, off included', () => {
    const p = placement({ entries: overtime });
    const info = runRules(input([p], { settings: { 'rules.overwerk.severity': 'info' } }));
    expect(info.findings.map((f) => f.severity)).toEqual(['info']);
    expect(info.summary).toEqual({ error: 0, warning: 0, info: 1 });
    const off = runRules(input([p], { settings: { 'rules.overwerk.severity': 'off' }, filters: { rules: ['overwerk'] } }));
    expect(off.findings).toEqual([]);
    expect(off.notes).toEqual(['Gevraagde regel overwerk staat uit (rules.CODE.severity = off) en is niet uitgevoerd.']);
  });

  it('makes pok-ongetekend a warning before the start, never raising a lower setting', () => {
    const p = placement({ startdatum: '2026-12-01', pok: { version: null, signed: {} } });
    expect(runRules(input([p])).findings.map((f) => f.severity)).toEqual(['warning']);
    const lowered = runRules(input([p], { settings: { 'rules.pok-ongetekend.severity': 'info' } }));
    expect(lowered.findings.map((f) => f.severity)).toEqual(['info']);
  });

  it('notes the rules it could not run, and missing dates of birth once', () => {
    const ps = ['P-3', 'P-1', 'P-2'].map((id) => placement({ plaatsing_id: id, geboortedatum: null }));
    const result = runRules(input(ps, { settings: { 'school.regio': '' }, recognitionsImported: false }));
    expect(result.notes).toEqual([
      "Regel schoolvakantie is overgeslagen: school.regio is niet ingesteld. Stel de regio in met 'bpv config set school.regio noord|midden|zuid'.",
      "Regel niet-erkend is overgeslagen: er zijn geen erkenningen geïmporteerd. Importeer ze met 'bpv import recognitions BESTAND'.",
      '3 plaatsingen hebben geen geboortedatum (P-1, P-2, P-3): de leeftijdsregels behandelen de student als volwassene. Vul de geboortedatum aan met een import van plaatsingen.',
    ]);
    expect(result.findings).toEqual([]);
  });

  it('does not mention missing dates of birth when no age rule runs', () => {
    const p = placement({ geboortedatum: null });
    expect(runRules(input([p], { filters: { rules: ['overwerk'] } })).notes).toEqual([]);
  });

  it('sorts unsorted entries itself', () => {
    const p = placement({ entries: [...overtime].reverse() });
    expect(runRules(input([p])).findings.map((f) => f.week)).toEqual(['2026-W45']);
  });

  it('refuses a malformed as-of date', () => {
    expect(() => runRules(input([], { asOf: '24-11-2026' }))).toThrow('--as-of: "24-11-2026" is geen geldige datum (verwacht JJJJ-MM-DD).');
  });
});

describe('runRules on bad data', () => {
  it('names the placement holding a date it cannot read', () => {
    const p = placement({ plaatsing_id: 'P-7', entries: [entry('2026-11-31')] });
    expect(() => runRules(input([p]))).toThrow(
      'Plaatsing P-7: ongeldige datum "2026-11-31" in de database (verwacht JJJJ-MM-DD); herstel hem met een nieuwe import.',
    );
    expect(() => runRules(input([p]))).toThrow(ValidationDataError);
  });

  it('notes a requested placement that does not exist', () => {
    const result = runRules(input([placement()], { filters: { placement: ['P-1', 'P-9'] } }));
    expect(result.notes).toContain("Gevraagde plaatsing P-9 bestaat niet; controleer het plaatsing_id met 'bpv placements list'.");
  });
});
