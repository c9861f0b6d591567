// commander writes its usage errors in English; the Bureau reads Dutch (SPEC §8). Its
// messages have a fixed shape, so they are translated here by pattern; anything unknown
// passes through unchanged.
import { lang } from './lang.js';

const PATTERNS: [RegExp, string][] = [
  [/^error: unknown option '([^']*)'/m, "bpv: onbekende optie '$1'"],
  [/^error: unknown command '([^']*)'/m, "bpv: onbekend commando '$1'"],
  [/^error: missing required argument '([^']*)'/m, "bpv: het argument '$1' ontbreekt"],
  [/^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\. Allowed choices are (.*)\./m, "bpv: '$1' is geen geldige waarde voor '$2'; kies uit $3."],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./m, "bpv: '$2' is geen geldige waarde voor $1; kies uit $3."],
  [/^error: required option '([^']*)' not specified/m, "bpv: de optie '$1' is verplicht"],
  [/^error: too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./m, "bpv: te veel argumenten voor '$1': verwacht $2, gekregen $3."],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./m, 'bpv: te veel argumenten: verwacht $1, gekregen $2.'],
  [/^error: option '([^']*)' argument missing/m, "bpv: de optie '$1' heeft een waarde nodig"],
  [/\(Did you mean (.*)\?\)/, '(Bedoel je $1?)'],
];

export function translateCommanderError(text: string): string {
  if (lang() !== 'nl') return text;
  let out = text;
  for (const [re, nl] of PATTERNS) out = out.replace(re, nl);
  return out;
}

// Its help screens: the headings and the notes it adds to an option's description.
const TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Options:': 'Opties:',
  'Commands:': 'Commando\'s:',
  'Arguments:': 'Argumenten:',
  'Global Options:': 'Algemene opties:',
};

export function translateHelpTitle(title: string): string {
  return lang() === 'nl' ? TITLES[title] ?? title : title;
}

export function translateHelpNote(description: string): string {
  if (lang() !== 'nl') return description;
  return description.replace(/(\(|, )(choices|default): /g, (_m, before: string, w: string) => `${before}${w === 'choices' ? 'keuze' : 'standaard'}: `);
}
