// Header matching's "did you mean": typos and the abbreviations clerks write.
import { describe, expect, it } from 'vitest';
import { didYouMean } from '../src/import/headers.js';
import { msg } from '../src/i18n/messages.js';

describe('didYouMean', () => {
  it('suggests a header with a typo', () => {
    expect(didYouMean('studentnummer', ['Naam', 'Studentnumer'])).toBe('Studentnumer');
  });

  it('suggests an abbreviation: the same start, then letters of the rest in order', () => {
    expect(didYouMean('studentnummer', ['Naam', 'Studentnr', 'Opleiding'])).toBe('Studentnr');
    expect(didYouMean('email_praktijkopleider', ['Email student', 'Email PO', 'Email WB'])).toBe('Email PO');
    expect(didYouMean('email_werkbegeleider', ['Email student', 'Email PO', 'Email WB'])).toBe('Email WB');
    expect(didYouMean('uren_per_week', ['Uren totaal', 'Uren p/w'])).toBe('Uren p/w');
  });

  it('of two as likely, takes the closer spelling', () => {
    expect(didYouMean('uren_per_week', ['Uren', 'Urenweek'])).toBe('Urenweek');
  });

  it('the --map flag it proposes survives a shell: a header with $ in single quotes', () => {
    const said = msg().missingColumns('q.csv', [{ column: 'studentnummer', suggestion: 'Student$nr' }, { column: 'crebo', suggestion: 'Crebo code' }], ['Student$nr', 'Crebo code']);
    expect(said).toContain(`--map studentnummer='Student$nr'`);
    expect(said).toContain(`--map crebo="Crebo code"`);
  });

  it('does not take a different word with the same start for one', () => {
    expect(didYouMean('uren_totaal', ['Uren p/w'])).toBeUndefined();
    expect(didYouMean('einddatum', ['Einde'])).toBeUndefined();
    expect(didYouMean('geboortedatum', ['Gebied'])).toBeUndefined();
    expect(didYouMean('studentnummer', ['Studentemail'])).toBeUndefined();
    expect(didYouMean('crebo', ['Code'])).toBeUndefined();
  });
});
