// The POK clauses come from a small Markdown-like template the school can edit
// (templates/pok.md; its head documents the format for the people who edit it).
// Parsing happens once, when the template is loaded, so that a wrong template is refused
// before any placement is touched, naming the field and line (SPEC §5). No pdfkit here:
// the CLI loads this module to validate --template cheaply.

import { editDistance } from '../util/edit-distance.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PokError } from './errors.js';
import type { PokMessageKey } from '../i18n/pok.js';

/**
 * The only fields a template may name. Values are always text, already formatted the Dutch way
 * (dates `1 september 2026`, numbers `32,5`); an unknown value is empty text.
 */
export const POK_FIELDS = [
  'student.naam', 'student.voornaam', 'student.tussenvoegsel', 'student.achternaam',
  'student.studentnummer', 'student.geboortedatum', 'student.email',
  'leerbedrijf.naam', 'leerbedrijf.kvk', 'leerbedrijf.vestigingsnummer',
  'leerbedrijf.adres', 'leerbedrijf.postcode', 'leerbedrijf.plaats',
  'praktijkopleider.naam', 'praktijkopleider.email', 'praktijkopleider.telefoon',
  'werkbegeleider.naam', 'werkbegeleider.email', 'werkbegeleider.telefoon',
  'bpv_begeleider.naam', 'bpv_begeleider.email', 'bpv_begeleider.telefoon',
  'school.naam', 'school.brin', 'school.adres', 'school.postcode', 'school.plaats',
  'school.telefoon', 'school.email',
  'opleiding.naam', 'opleiding.crebo', 'opleiding.niveau', 'opleiding.leerweg',
  'periode.startdatum', 'periode.einddatum',
  'uren.totaal', 'uren.per_week', 'arbeidstijd.max_dag', 'arbeidstijd.max_week',
  'leerdoelen', 'vakantiewerk', 'minderjarig',
  'pok.nummer', 'pok.versie', 'pok.datum',
] as const;

export type PokField = (typeof POK_FIELDS)[number];
export type PokFieldValues = Record<PokField, string>;

const FIELD_SET: ReadonlySet<string> = new Set(POK_FIELDS);

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'field'; field: PokField }
  | { kind: 'if'; field: PokField; op: '=' | '!=' | null; value: string }
  | { kind: 'else' }
  | { kind: 'end' };

interface TemplateLine {
  line: number;
  tokens: Token[];
  /** Only instructions and/or comments: the line vanishes from the output entirely. */
  standalone: boolean;
}

export interface PokTemplate {
  /** Where it came from, for messages. */
  readonly name: string;
  /** SHA-256 of the template text: a changed template makes a new POK version. */
  readonly sha256: string;
  readonly source: string;
  readonly lines: readonly TemplateLine[];
}

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

export type Block = { kind: 'para'; runs: Run[] } | { kind: 'bullet'; runs: Run[] };

export interface Article {
  title: string;
  blocks: Block[];
}

export interface ExpandedTemplate {
  title: string;
  preamble: Block[];
  articles: Article[];
}

const DEFAULT_TITLE = 'Praktijkovereenkomst';

/** The template shipped with the program: templates/pok.md beside src/ and dist/. */
export function defaultTemplatePath(): string {
  return fileURLToPath(new URL('../../templates/pok.md', import.meta.url));
}

let defaultTemplate: PokTemplate | undefined;

/** Reads and checks a template; without a file, the shipped one (parsed once per process). */
export function loadPokTemplate(file?: string): PokTemplate {
  if (file === undefined && defaultTemplate) return defaultTemplate;
  const path = file ?? defaultTemplatePath();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new PokError('template-not-found', { file: path });
    throw new PokError('template-unreadable', { file: path, reason: (err as Error).message });
  }
  const tpl = parsePokTemplate(text, file ?? 'templates/pok.md');
  if (file === undefined) defaultTemplate = tpl;
  return tpl;
}

function syntax(name: string, line: number, problem: PokMessageKey, detail?: string): PokError {
  return new PokError('template-syntax', { file: name, line, problem, detail }, 2);
}

/** Parses and checks template text. Throws PokError naming the line of the first problem. */
export function parsePokTemplate(source: string, name = 'sjabloon'): PokTemplate {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rawLines = text.split('\n');
  const lines: TemplateLine[] = [];
  const stack: { line: number; sawElse: boolean }[] = [];
  let inComment = false;
  let articles = 0;

  rawLines.forEach((raw, i) => {
    const lineNo = i + 1;
    // HTML comments are the school's own notes (and this format's documentation); they may
    // span lines and never reach the PDF.
    let visible = '';
    let rest = raw;
    let hadComment = inComment;
    while (rest.length > 0) {
      if (inComment) {
        const end = rest.indexOf('-->');
        if (end < 0) {
          rest = '';
        } else {
          rest = rest.slice(end + 3);
          inComment = false;
        }
      } else {
        const start = rest.indexOf('<!--');
        if (start < 0) {
          visible += rest;
          rest = '';
        } else {
          visible += rest.slice(0, start);
          rest = rest.slice(start + 4);
          inComment = true;
          hadComment = true;
        }
      }
    }

    const tokens: Token[] = [];
    let pos = 0;
    let hasInstruction = false;
    while (pos < visible.length) {
      const open = visible.indexOf('{{', pos);
      if (open < 0) {
        tokens.push({ kind: 'text', text: visible.slice(pos) });
        break;
      }
      if (open > pos) tokens.push({ kind: 'text', text: visible.slice(pos, open) });
      const close = visible.indexOf('}}', open + 2);
      if (close < 0) throw syntax(name, lineNo, 'syntax-unclosed-braces');
      const inner = visible.slice(open + 2, close).trim();
      pos = close + 2;
      const token = parseInstruction(inner, name, lineNo);
      if (token.kind === 'if') {
        stack.push({ line: lineNo, sawElse: false });
      } else if (token.kind === 'else') {
        const top = stack[stack.length - 1];
        if (!top) throw syntax(name, lineNo, 'syntax-else-without-if');
        if (top.sawElse) throw syntax(name, lineNo, 'syntax-double-else');
        top.sawElse = true;
      } else if (token.kind === 'end') {
        if (!stack.pop()) throw syntax(name, lineNo, 'syntax-end-without-if');
      }
      if (token.kind !== 'field') hasInstruction = true;
      tokens.push(token);
    }

    const onlyInstructions = tokens.every(
      (t) => t.kind === 'if' || t.kind === 'else' || t.kind === 'end' || (t.kind === 'text' && t.text.trim() === ''),
    );
    const standalone = onlyInstructions && (hasInstruction || (hadComment && visible.trim() === ''));
    if (/^##\s/.test(visible)) articles++;
    lines.push({ line: lineNo, tokens, standalone });
  });

  const open = stack.pop();
  if (open) throw syntax(name, open.line, 'syntax-unclosed-if');
  if (articles === 0) throw syntax(name, rawLines.length, 'syntax-no-articles');

  return {
    name,
    sha256: createHash('sha256').update(text).digest('hex'),
    source: text,
    lines,
  };
}

function parseInstruction(inner: string, name: string, line: number): Token {
  if (inner === 'anders') return { kind: 'else' };
  if (inner === '/als' || inner === 'einde als') return { kind: 'end' };
  const cond = /^als\s+([^\s=!]+)\s*(?:(!=|=)\s*(.*))?$/.exec(inner);
  if (cond) {
    const field = knownField(cond[1]!, name, line);
    const op = (cond[2] as '=' | '!=' | undefined) ?? null;
    return { kind: 'if', field, op, value: (cond[3] ?? '').trim() };
  }
  if (/^[a-z_]+(\.[a-z_]+)*$/i.test(inner)) return { kind: 'field', field: knownField(inner, name, line) };
  throw syntax(name, line, 'syntax-unknown-instruction', inner);
}

function knownField(field: string, name: string, line: number): PokField {
  if (FIELD_SET.has(field)) return field as PokField;
  throw new PokError('template-unknown-field', { file: name, line, field, suggestion: suggest(field) }, 2);
}

/** The nearest known field, to turn a typo into a one-glance fix. */
function suggest(field: string): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const known of POK_FIELDS) {
    const d = editDistance(field.toLowerCase(), known);
    if (d < bestDist) {
      bestDist = d;
      best = known;
    }
  }
  if (bestDist <= 3) return best;
  const f = field.toLowerCase();
  const prefix = POK_FIELDS.find((k) => (f.startsWith(k) || k.startsWith(f)) && Math.min(k.length, f.length) >= 4);
  if (prefix) return prefix;
  const last = f.split('.').pop();
  return POK_FIELDS.find((k) => k.endsWith('.' + last));
}


/** ja/nee fields are false when `nee`; other fields when empty. */
function truthy(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v !== '' && v !== 'nee';
}

// Values are spliced in after the Markdown-ish structure is known, so a name with a `*` or a
// leerdoelen text starting with `## ` can never change the document's structure.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';

/** Resolves conditions and fields into the title, preamble and articles of the document. */
export function expandPokTemplate(tpl: PokTemplate, values: PokFieldValues): ExpandedTemplate {
  const out: string[] = [];
  const used: string[] = [];
  // each level: is this branch shown, was the parent shown
  const stack: { active: boolean; parentActive: boolean; cond: boolean }[] = [];
  const active = (): boolean => (stack.length === 0 ? true : stack[stack.length - 1]!.active);

  for (const l of tpl.lines) {
    let text = '';
    let hadInstruction = false;
    for (const t of l.tokens) {
      switch (t.kind) {
        case 'text':
          if (active()) text += t.text;
          break;
        case 'field':
          if (active()) {
            used.push(values[t.field]);
            text += MARK_OPEN + String(used.length - 1) + MARK_CLOSE;
          }
          break;
        case 'if': {
          hadInstruction = true;
          const v = values[t.field];
          const cond =
            t.op === null
              ? truthy(v)
              : t.op === '='
                ? v.trim().toLowerCase() === t.value.toLowerCase()
                : v.trim().toLowerCase() !== t.value.toLowerCase();
          const parentActive = active();
          stack.push({ active: parentActive && cond, parentActive, cond });
          break;
        }
        case 'else': {
          hadInstruction = true;
          const top = stack[stack.length - 1]!;
          top.active = top.parentActive && !top.cond;
          break;
        }
        case 'end':
          hadInstruction = true;
          stack.pop();
          break;
      }
    }
    if (l.standalone) continue;
    if (hadInstruction) {
      // a line whose every word sat in a branch not taken must not become a paragraph break
      if (text.trim() === '') continue;
    } else if (!active()) {
      continue;
    }
    out.push(text);
  }
  return toBlocks(out, used);
}

function toBlocks(lines: string[], values: string[]): ExpandedTemplate {
  let title = DEFAULT_TITLE;
  const preamble: Block[] = [];
  const articles: Article[] = [];
  let target = preamble;
  let current: { kind: 'para' | 'bullet'; text: string } | null = null;

  const flush = (): void => {
    if (current && current.text.trim() !== '') {
      target.push({ kind: current.kind, runs: inlineRuns(current.text.trim(), values) });
    }
    current = null;
  };

  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = /^(#{1,2})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const headingText = plain(heading[2]!, values);
      if (heading[1] === '#') {
        title = headingText;
      } else {
        const article: Article = { title: headingText, blocks: [] };
        articles.push(article);
        target = article.blocks;
      }
      continue;
    }
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (bullet) {
      flush();
      current = { kind: 'bullet', text: bullet[1]! };
      continue;
    }
    if (current) {
      current.text += ' ' + line.trim();
    } else {
      current = { kind: 'para', text: line.trim() };
    }
  }
  flush();
  return { title, preamble, articles };
}

const MARK_RE = new RegExp(`${MARK_OPEN}(\\d+)${MARK_CLOSE}`, 'g');

function plain(text: string, values: string[]): string {
  return text.replace(MARK_RE, (_, i: string) => values[Number(i)] ?? '').replace(/\s+/g, ' ').trim();
}

/** `**vet**` and `*cursief*` in the template's own text; field values are taken literally. */
function inlineRuns(text: string, values: string[]): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const push = (t: string, b: boolean, i: boolean): void => {
    if (t === '') return;
    const last = runs[runs.length - 1];
    if (last && last.bold === b && last.italic === i) last.text += t;
    else runs.push({ text: t, bold: b, italic: i });
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === MARK_OPEN) {
      const end = text.indexOf(MARK_CLOSE, i);
      push(buf, bold, italic);
      buf = '';
      push(values[Number(text.slice(i + 1, end))] ?? '', bold, italic);
      i = end + 1;
    } else if (text.startsWith('**', i)) {
      push(buf, bold, italic);
      buf = '';
      bold = !bold;
      i += 2;
    } else if (ch === '*') {
      push(buf, bold, italic);
      buf = '';
      italic = !italic;
      i += 1;
    } else {
      buf += ch;
      i += 1;
    }
  }
  push(buf, bold, italic);
  return runs;
}
