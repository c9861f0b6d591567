import { describe, expect, it } from 'vitest';
import { KNOWN_KEYS, checkSetting } from '../../src/db/settings.js';
import { RULE_CODES } from '../../src/rules/codes.js';
import { RULE_SETTING_KEYS, isRuleSettingKey, parseRuleSetting, resolveRuleSettings } from '../../src/rules/settings.js';

describe('rule settings', () => {
  it('has the SPEC defaults', () => {
    const { settings, notes } = resolveRuleSettings(new Map(), 'nl');
    expect(notes).toEqual([]);
    expect(settings).toMatchObject({
      overwerkMarge: 0,
      ziekDagen: 5,
      achterstandDrempel: 0.8,
      schoolvakantieBbl: false,
      regio: null,
    });
    expect(settings.severity['niet-ingediend']).toBe('warning');
    expect(settings.severity.overwerk).toBe('error');
  });

  it('reads a Map or a plain object, decimal comma included', () => {
    const { settings } = resolveRuleSettings(
      { 'rules.overwerk.marge': '1,5', 'rules.ziek.dagen': '3', 'rules.schoolvakantie.bbl': 'Ja', 'school.regio': 'Zuid', 'rules.toekomst.severity': 'off' },
      'nl',
    );
    expect(settings).toMatchObject({ overwerkMarge: 1.5, overwerkMargeUnits: 15000, ziekDagen: 3, schoolvakantieBbl: true, regio: 'zuid' });
    expect(settings.severity.toekomst).toBe('off');
  });

  it('falls back to the default with a Dutch note for a value it cannot use', () => {
    const { settings, notes } = resolveRuleSettings(new Map([['rules.achterstand.drempel', '80%']]), 'nl');
    expect(settings.achterstandDrempel).toBe(0.8);
    expect(notes).toEqual([
      `Instelling rules.achterstand.drempel: "80%" is ongeldig; verwacht een fractie van 0 tot en met 1, zoals 0,8. De standaardwaarde is gebruikt; corrigeer met 'bpv config set'.`,
    ]);
  });

  it('checks and normalises values for bpv config set', () => {
    expect(parseRuleSetting('rules.overwerk.severity', 'WARNING')).toEqual({ ok: true, value: 'warning' });
    expect(parseRuleSetting('rules.ziek.dagen', '0')).toMatchObject({ ok: false });
    expect(parseRuleSetting('rules.ziek.dagen', '2.5')).toMatchObject({ ok: false });
    expect(parseRuleSetting('rules.achterstand.drempel', '0,75')).toEqual({ ok: true, value: '0.75' });
    expect(parseRuleSetting('rules.achterstand.drempel', '1.2')).toMatchObject({ ok: false });
    expect(parseRuleSetting('rules.schoolvakantie.bbl', 'n')).toEqual({ ok: true, value: 'nee' });
    expect(parseRuleSetting('rules.bestaat-niet.severity', 'error', 'en')).toEqual({
      ok: false,
      message: 'Unknown setting "rules.bestaat-niet.severity".',
    });
  });

  it('lists every key it reads', () => {
    expect(RULE_SETTING_KEYS).toHaveLength(20);
    for (const key of RULE_SETTING_KEYS) expect(isRuleSettingKey(key)).toBe(true);
    expect(isRuleSettingKey('school.naam')).toBe(false);
  });
});

describe('agreement with bpv config set (src/db/settings.ts)', () => {
  it('knows the same rule codes and keys', () => {
    for (const code of RULE_CODES) expect(KNOWN_KEYS).toContain(`rules.${code}.severity`);
    for (const key of RULE_SETTING_KEYS) expect(KNOWN_KEYS).toContain(key);
  });

  it('reads every value config set stores exactly as config set normalised it', () => {
    const samples: Record<string, string[]> = {
      'rules.overwerk.marge': ['0', '1,5', '60'],
      'rules.ziek.dagen': ['1', '05', '365'],
      'rules.achterstand.drempel': ['0', '0,75', '1'],
      'rules.schoolvakantie.bbl': ['ja', 'NEE'],
      'school.regio': ['noord', 'Midden'],
      'rules.overwerk.severity': ['error', 'Off'],
    };
    for (const [key, values] of Object.entries(samples)) {
      for (const raw of values) {
        const stored = checkSetting(key, raw);
        expect(parseRuleSetting(key, stored)).toEqual({ ok: true, value: stored });
      }
    }
    // hours are compared in 1/10000 hour: a finer margin would be rounded, so it is refused
    expect(checkSetting('rules.overwerk.marge', '0,0001')).toBe('0.0001');
    expect(() => checkSetting('rules.overwerk.marge', '0,00005')).toThrow(/hoogstens 4 decimalen/);
  });
});
