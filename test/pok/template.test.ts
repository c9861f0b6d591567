import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PokError } from '../../src/pok/errors.js';
import { expandPokTemplate, loadPokTemplate, parsePokTemplate, POK_FIELDS, type PokFieldValues } from '../../src/pok/template.js';

function values(over: Partial<PokFieldValues> = {}): PokFieldValues {
  const v = Object.fromEntries(POK_FIELDS.map((f) => [f, ''])) as PokFieldValues;
  return { ...v, ...over };
}

function error(fn: () => unknown): PokError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PokError);
    return e as PokError;
  }
  throw new Error('nothing thrown');
}

const text = (src: string, v: Partial<PokFieldValues> = {}): string[] =>
  expandPokTemplate(parsePokTemplate(src, 't.md'), values(v)).articles.flatMap((a) =>
    a.blocks.map((b) => b.runs.map((r) => r.text).join('')),
  );

describe('POK template', () => {
  it('refuses a template naming an unknown field, with the field and its line', () => {
    const e = error(() => parsePokTemplate('# T\n\n## Art\n\nDe student {{student.naam}}\nwoont in {{student.woonplaats}}.\n', 'mijn.md'));
    expect(e.code).toBe('template-unknown-field');
    expect(e.params).toMatchObject({ field: 'student.woonplaats', line: 6, file: 'mijn.md' });
    expect(e.message).toContain('mijn.md, regel 6');
    expect(e.message).toContain('"student.woonplaats"');
  });

  it('suggests the nearest known field for a typo', () => {
    const e = error(() => parsePokTemplate('## A\n{{leerbedrijf.kvknummer}}', 't.md'));
    expect(e.params.suggestion).toBe('leerbedrijf.kvk');
    expect(error(() => parsePokTemplate('## A\n{{als schol.naam}}x{{/als}}', 't.md')).params.field).toBe('schol.naam');
  });

  it('refuses broken structure with the line', () => {
    expect(error(() => parsePokTemplate('## A\n{{als leerdoelen}}\nx\n', 't.md')).message).toContain('regel 2');
    expect(error(() => parsePokTemplate('## A\nx\n{{/als}}', 't.md')).message).toContain('regel 3');
    expect(error(() => parsePokTemplate('## A\n{{anders}}', 't.md')).params.line).toBe(2);
    expect(error(() => parsePokTemplate('## A\nvan {{student.naam', 't.md')).params.line).toBe(2);
    expect(error(() => parsePokTemplate('## A\n{{#if x}}', 't.md')).params.problem).toBe('syntax-unknown-instruction');
    expect(error(() => parsePokTemplate('Alleen tekst\n', 't.md')).params.problem).toBe('syntax-no-articles');
  });

  it('ignores fields inside comments', () => {
    expect(() => parsePokTemplate('<!-- {{onbekend}}\n {{ook.niet}} -->\n## A\ntekst', 't.md')).not.toThrow();
  });

  it('resolves conditions without leaving empty paragraphs behind', () => {
    const src = '## A\n{{als leerdoelen}}\nDoelen: {{leerdoelen}}\n{{anders}}\nDe werkprocessen van crebo {{opleiding.crebo}}.\n{{/als}}\nVolgende zin.\n';
    expect(text(src, { leerdoelen: 'WP 1', 'opleiding.crebo': '25491' })).toEqual(['Doelen: WP 1 Volgende zin.']);
    expect(text(src, { 'opleiding.crebo': '25491' })).toEqual(['De werkprocessen van crebo 25491. Volgende zin.']);
    expect(text('## A\n{{als vakantiewerk}}ja{{anders}}nee{{/als}}', { vakantiewerk: 'nee' })).toEqual(['nee']);
    expect(text('## A\n{{als opleiding.leerweg = BBL}}werknemer{{/als}}\n\nx', { 'opleiding.leerweg': 'BOL' })).toEqual(['x']);
  });

  it('takes field values literally: markup in data cannot change the document', () => {
    const out = expandPokTemplate(
      parsePokTemplate('## A\nBedrijf: **{{leerbedrijf.naam}}**', 't.md'),
      values({ 'leerbedrijf.naam': '**Bakker* & Zn\n## Artikel' }),
    );
    expect(out.articles).toHaveLength(1);
    expect(out.articles[0]!.blocks[0]!.runs).toEqual([
      { text: 'Bedrijf: ', bold: false, italic: false },
      { text: '**Bakker* & Zn\n## Artikel', bold: true, italic: false },
    ]);
  });

  it('reads a template file and names a missing one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pok-tpl-'));
    try {
      const f = path.join(dir, 'eigen.md');
      writeFileSync(f, '# Stageovereenkomst\n\n## Enig artikel\n\nVoor {{student.naam}}.\n');
      const tpl = loadPokTemplate(f);
      expect(expandPokTemplate(tpl, values()).title).toBe('Stageovereenkomst');
      expect(error(() => loadPokTemplate(path.join(dir, 'weg.md'))).code).toBe('template-not-found');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ships a template that covers what WEB art. 7.2.8 asks', () => {
    const tpl = loadPokTemplate();
    const out = expandPokTemplate(tpl, values({ 'school.naam': 'ROC X', 'opleiding.crebo': '25491' }));
    const titles = out.articles.map((a) => a.title);
    expect(titles).toEqual([
      'Doel en inhoud van de beroepspraktijkvorming',
      'Duur, omvang en urenregistratie',
      'Begeleiding',
      'Beoordeling',
      'Vakanties, verlof en ziekte',
      'Aansprakelijkheid en verzekering',
      'Geheimhouding en privacy',
      'Einde en tussentijdse beëindiging',
      'Geschillen',
      'Slotbepalingen',
    ]);
    const all = out.articles.flatMap((a) => a.blocks.map((b) => b.runs.map((r) => r.text).join(''))).join(' ');
    for (const must of [
      'werkprocessen van de kwalificatie met crebo 25491', // no leerdoelen given
      'eindverantwoordelijk voor de beoordeling',
      'in de eerste week van de BPV bekend wie de BPV-begeleider is',
      'op de eerste ziektedag',
      'toestemming van zowel het leerbedrijf als de school',
      'artikel 7:658', 'artikel 6:170', 'niet uitsluiten',
      'ongevallenverzekering',
      'geheim',
      'zonder gevolgen voort bij een ander leerbedrijf',
      'gehele BPV-periode opnieuw',
      'klachtenregeling',
    ]) {
      expect(all).toContain(must);
    }
  });

  it("gives the holiday clause of the leerweg: a BBL student's holidays follow the employment contract", () => {
    const tpl = loadPokTemplate();
    const holidays = (v: Partial<PokFieldValues>) =>
      expandPokTemplate(tpl, values(v)).articles.find((a) => a.title === 'Vakanties, verlof en ziekte')!.blocks[0]!.runs.map((r) => r.text).join('');
    expect(holidays({ 'opleiding.leerweg': 'BBL', vakantiewerk: 'nee' })).toContain('volgen de arbeidsovereenkomst en de cao');
    expect(holidays({ 'opleiding.leerweg': 'BOL', vakantiewerk: 'nee' })).toContain('recht op de schoolvakanties');
    expect(holidays({ 'opleiding.leerweg': 'BOL', vakantiewerk: 'ja' })).toContain('ook in schoolvakanties BPV-uren');
  });
});
