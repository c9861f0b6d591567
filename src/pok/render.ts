// The POK as PDF. This is the only module (with render-worker.ts) that loads pdfkit: it is
// heavy, so everything else reaches it through `await import('./render.js')` and `bpv --help`
// stays instant.
//
// PDF/A: documents are written as PDF/A-2b (pdfkit's `subset` option, PDF 1.7, every glyph
// from the embedded Source Sans 3, sRGB output intent added by pdfkit). pdfkit omits two things
// PDF/A-2b wants and we add them: xmp:ModifyDate matching the Info ModDate, and Info/XMP text
// that needs no XML escaping (pdfkit writes Title into the XMP packet verbatim). Verified by
// reading the files back (test/pok/render.test.ts checks the pdfaid:part/conformance XMP, the
// output intent and that no font is left unembedded); veraPDF is not available here, so full
// conformance is not machine-checked.
//
// Determinism: the same data, template, version and generation date give byte-identical files
// (CreationDate and ModDate come from the generation date; pdfkit's font subset tags and file ID
// are derived from them, nothing random), so a regenerated version can be checked against its
// recorded SHA-256.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { IsoDate } from '../domain/types.js';
import {
  guardianRequired,
  pokFieldValues,
  pokNummer,
  studentNaam,
  type PokData,
  type PokPerson,
} from './data.js';
import { datumLang, getal } from './format.js';
import { expandPokTemplate, type Block, type ExpandedTemplate, type PokTemplate, type Run } from './template.js';
import { COLOR, LINE_GAP, MARGIN, PdfWriter, SIZE, metaRow, sectionHeading, finish, xmlSafe, type Doc } from '../pdf/look.js';

export type PokCopy = 'student' | 'leerbedrijf' | 'onderwijsinstelling';
export const POK_COPIES: readonly PokCopy[] = ['student', 'leerbedrijf', 'onderwijsinstelling'];
export const COPY_LABELS: Readonly<Record<PokCopy, string>> = {
  student: 'Exemplaar voor de student',
  leerbedrijf: 'Exemplaar voor het leerbedrijf',
  onderwijsinstelling: 'Exemplaar voor de onderwijsinstelling',
};

export interface RenderOptions {
  version: number;
  /** The version's generation date: printed, and the PDF's CreationDate. */
  generatedOn: IsoDate;
  /** Write PDF/A-2b (default true). */
  pdfa?: boolean;
}

// ---- fonts -------------------------------------------------------------------------------

const require = createRequire(import.meta.url);
const FONT_PACKAGE = '@expo-google-fonts/source-sans-3';
const FONT_FILES = {
  regular: '400Regular/SourceSans3_400Regular.ttf',
  italic: '400Regular_Italic/SourceSans3_400Regular_Italic.ttf',
  semibold: '600SemiBold/SourceSans3_600SemiBold.ttf',
  bold: '700Bold/SourceSans3_700Bold.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

let fontCache: Record<FontName, Buffer> | undefined;

/** Read once per process: a batch of a thousand POKs must not read the TTFs a thousand times. */
function fonts(): Record<FontName, Buffer> {
  if (!fontCache) {
    const read = (f: string): Buffer => readFileSync(require.resolve(`${FONT_PACKAGE}/${f}`));
    fontCache = {
      regular: read(FONT_FILES.regular),
      italic: read(FONT_FILES.italic),
      semibold: read(FONT_FILES.semibold),
      bold: read(FONT_FILES.bold),
    };
  }
  return fontCache;
}

// pdfkit parses a font anew for every document and shapes every word anew with it; for a
// batch of POKs that is most of the work (measured: about half the time of a POK went to
// font table parsing and word shaping). So the parsed fonts and their word-shaping caches
// are kept for the process and handed to each document. This uses three pdfkit internals
// (_fontFamilies, _fontCount, EmbeddedFont's layoutCache), checked at start-up: when a
// pdfkit release changes them, documents are built the ordinary way, only slower. Output is
// the same either way, and every document of a process takes the same path, so the bytes of
// a POK do not depend on what was rendered before it.

interface EmbeddedFontLike {
  font: unknown;
  layoutCache?: Record<string, unknown>;
}
type EmbeddedFontCtor = new (doc: Doc, font: unknown, id: string) => EmbeddedFontLike;
interface DocInternals {
  _fontFamilies: Record<string, unknown>;
  _fontCount: number;
  _font: EmbeddedFontLike & { constructor: EmbeddedFontCtor };
}
interface SharedFont {
  ctor: EmbeddedFontCtor;
  font: unknown;
  layoutCache: Record<string, unknown>;
}

const FONT_ORDER: readonly FontName[] = ['regular', 'italic', 'semibold', 'bold'];
let sharedFonts: Record<FontName, SharedFont> | null | undefined;
let docsOnCache = 0;

function loadSharedFonts(): Record<FontName, SharedFont> | null {
  const f = fonts();
  const out: Partial<Record<FontName, SharedFont>> = {};
  for (const name of FONT_ORDER) {
    const probe = new PDFDocument({ autoFirstPage: false, font: '' }) as unknown as Doc & Partial<DocInternals>;
    probe.registerFont(name, f[name]);
    probe.font(name);
    const ef = probe._font;
    if (
      !ef ||
      typeof ef.constructor !== 'function' ||
      !ef.font ||
      typeof ef.layoutCache !== 'object' ||
      typeof probe._fontCount !== 'number' ||
      typeof probe._fontFamilies !== 'object'
    ) {
      return null;
    }
    out[name] = { ctor: ef.constructor, font: ef.font, layoutCache: Object.create(null) as Record<string, unknown> };
  }
  return out as Record<FontName, SharedFont>;
}

/**
 * Gives a new document the POK's fonts under the names regular, italic, semibold and bold,
 * parsed once per process. The monthly report uses it too: the same letters, and the same
 * saving on every document of a batch.
 */
export function installFonts(doc: Doc): void {
  if (sharedFonts === undefined) sharedFonts = loadSharedFonts();
  if (sharedFonts === null) {
    const f = fonts();
    for (const name of FONT_ORDER) doc.registerFont(name, f[name]);
    return;
  }
  // the word caches only grow with names and addresses; start afresh now and then
  if (++docsOnCache > 2000) {
    docsOnCache = 0;
    for (const name of FONT_ORDER) sharedFonts[name].layoutCache = Object.create(null) as Record<string, unknown>;
  }
  const internals = doc as unknown as DocInternals;
  for (const name of FONT_ORDER) {
    const s = sharedFonts[name];
    const ef = new s.ctor(doc, s.font, `F${++internals._fontCount}`);
    ef.layoutCache = s.layoutCache;
    internals._fontFamilies[name] = ef;
  }
}

// ---- look: shared with the monthly report (src/pdf/look.ts) ------------------------------

const PARA_GAP = 4.5;

class Writer extends PdfWriter {
  runs(runs: Run[], x: number, width: number, size: number = SIZE.body): void {
    const doc = this.doc;
    const y = doc.y;
    runs.forEach((r, i) => {
      const name: FontName = r.bold ? 'semibold' : r.italic ? 'italic' : 'regular';
      this.font(name, size);
      const opts = { width, lineGap: LINE_GAP, continued: i < runs.length - 1 };
      if (i === 0) doc.text(r.text, x, y, opts);
      else doc.text(r.text, opts);
    });
    doc.x = this.left;
  }
}

// ---- the document ------------------------------------------------------------------------

function newDocument(data: PokData, expanded: ExpandedTemplate, opts: RenderOptions): Doc {
  const when = new Date(`${opts.generatedOn}T00:00:00Z`);
  const pdfa = opts.pdfa !== false;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...MARGIN },
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    ...(pdfa ? { subset: 'PDF/A-2b' as const } : {}),
    lang: 'nl-NL',
    displayTitle: true,
    // no standard (unembedded) font may ever be registered in a PDF/A file
    font: '',
    info: {
      Title: xmlSafe(`${expanded.title} ${pokNummer(data.plaatsing_id)} versie ${opts.version}`),
      Creator: 'bpv',
      Producer: 'bpv',
      CreationDate: when,
      ModDate: when,
    },
  });
  installFonts(doc);
  doc.font('regular');
  if (pdfa) {
    // pdfkit's XMP has CreateDate but no ModifyDate; PDF/A wants every Info date mirrored
    (doc as unknown as { appendXML(xml: string): void }).appendXML(
      `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">` +
        `<xmp:ModifyDate>${when.toISOString().split('.')[0]}Z</xmp:ModifyDate></rdf:Description>`,
    );
  }
  return doc;
}

/** One complete copy, starting on a new page; returns its first page index. */
function writeCopy(
  w: Writer,
  copy: PokCopy,
  data: PokData,
  expanded: ExpandedTemplate,
  opts: RenderOptions,
): number {
  const doc = w.doc;
  doc.addPage();
  const first = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
  header(w, copy, data, expanded, opts);
  parties(w, data);
  opleiding(w, data);
  begeleiding(w, data);
  clauses(w, expanded);
  signatures(w, data, opts);
  return first;
}

function footers(w: Writer, copy: PokCopy, data: PokData, opts: RenderOptions, first: number, last: number): void {
  const doc = w.doc;
  const total = last - first + 1;
  for (let i = first; i <= last; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN.bottom + 26;
    w.rule(y - 7, COLOR.rule, 0.5);
    w.font('regular', SIZE.footer, COLOR.muted);
    w.fixed(`${pokNummer(data.plaatsing_id)} · versie ${opts.version}`, w.left, y, { width: w.width, align: 'left' });
    w.fixed(COPY_LABELS[copy], w.left, y, { width: w.width, align: 'center' });
    w.fixed(`pagina ${i - first + 1} van ${total}`, w.left, y, { width: w.width, align: 'right' });
  }
}

async function renderCopies(
  data: PokData,
  template: PokTemplate,
  opts: RenderOptions,
  copies: readonly PokCopy[],
): Promise<Buffer> {
  const expanded = expandPokTemplate(template, pokFieldValues(data, opts));
  const doc = newDocument(data, expanded, opts);
  const w = new Writer(doc);
  const starts: { copy: PokCopy; first: number }[] = [];
  for (const copy of copies) starts.push({ copy, first: writeCopy(w, copy, data, expanded, opts) });
  // page numbers are per copy, so they can only be written once every page exists
  const end = doc.bufferedPageRange().count;
  starts.forEach((s, i) => footers(w, s.copy, data, opts, s.first, (starts[i + 1]?.first ?? end) - 1));
  return finish(doc);
}

/** The POK: one PDF with the three complete copies, each starting on a new page. */
export function renderPok(data: PokData, template: PokTemplate, opts: RenderOptions): Promise<Buffer> {
  return renderCopies(data, template, opts, POK_COPIES);
}

/** The same three copies as three files (`bpv pok generate --split`). */
export async function renderPokSplit(
  data: PokData,
  template: PokTemplate,
  opts: RenderOptions,
): Promise<Record<PokCopy, Buffer>> {
  return {
    student: await renderCopies(data, template, opts, ['student']),
    leerbedrijf: await renderCopies(data, template, opts, ['leerbedrijf']),
    onderwijsinstelling: await renderCopies(data, template, opts, ['onderwijsinstelling']),
  };
}

// ---- sections ----------------------------------------------------------------------------

function leerwegText(l: string): string {
  return l === 'BBL' ? 'BBL (beroepsbegeleidende leerweg)' : 'BOL (beroepsopleidende leerweg)';
}

function header(w: Writer, copy: PokCopy, data: PokData, expanded: ExpandedTemplate, opts: RenderOptions): void {
  const doc = w.doc;
  const top = MARGIN.top;
  const school = data.school;

  // the holder's label, top right, so a copy is recognised at a glance in a pile
  const label = COPY_LABELS[copy];
  w.font('semibold', 9.2, COLOR.accent);
  const tagW = doc.widthOfString(label) + 18;
  const tagX = w.left + w.width - tagW;
  doc.save().roundedRect(tagX, top - 4, tagW, 19, 3).fill(COLOR.tag).restore();
  w.font('semibold', 9.2, COLOR.accent);
  w.fixed(label, tagX + 9, top + 1);

  w.font('semibold', 10.5, COLOR.accent);
  w.fixed(school.naam ?? '', w.left, top - 2, { width: w.width - tagW - 12 });
  w.font('regular', SIZE.small, COLOR.muted);
  const schoolLine = [school.adres, [school.postcode, school.plaats].filter(Boolean).join(' ')]
    .filter((s) => s && s.trim() !== '')
    .join(' · ');
  w.fixed(schoolLine, w.left, top + 12, { width: w.width - tagW - 12 });

  doc.y = top + 40;
  w.font('bold', SIZE.title, COLOR.ink);
  doc.text(expanded.title, w.left, doc.y, { width: w.width });
  doc.moveDown(0.1);
  w.font('regular', 10.5, COLOR.muted);
  doc.text(
    `Beroepspraktijkvorming in de ${data.opleiding.leerweg === 'BBL' ? 'beroepsbegeleidende' : 'beroepsopleidende'} leerweg (${data.opleiding.leerweg}) · overeenkomst tussen student, leerbedrijf en onderwijsinstelling`,
    w.left,
    doc.y,
    { width: w.width, lineGap: LINE_GAP },
  );
  doc.moveDown(0.35);
  const meta: [string, string][] = [
    ['POK-nummer', pokNummer(data.plaatsing_id)],
    ['Versie', String(opts.version)],
    ['Opgemaakt op', datumLang(opts.generatedOn)],
  ];
  metaRow(w, meta);
}

interface PanelLine {
  text: string;
  font?: FontName;
  color?: string;
  size?: number;
  /** One unbreakable token (an e-mail address): made smaller rather than cut mid-word. */
  fit?: boolean;
}

const MIN_FIT_SIZE = 7.2;

function fitted(w: Writer, l: PanelLine, width: number): PanelLine {
  if (!l.fit) return l;
  let size = l.size ?? SIZE.body;
  w.font(l.font ?? 'regular', size);
  const natural = w.doc.widthOfString(l.text);
  if (natural > width) size = Math.max(MIN_FIT_SIZE, Math.floor((size * width * 10) / natural) / 10);
  return { ...l, size };
}

function parties(w: Writer, data: PokData): void {
  const doc = w.doc;
  const s = data.student;
  const b = data.leerbedrijf;
  const sc = data.school;
  const postcodePlaats = (p: string | null, pl: string | null): string => [p, pl].filter(Boolean).join('  ');
  const columns: { title: string; lines: PanelLine[] }[] = [
    {
      title: 'De student',
      lines: [
        { text: studentNaam(s), font: 'semibold' },
        { text: `Studentnummer ${s.studentnummer}` },
        { text: `Geboren op ${s.geboortedatum ? datumLang(s.geboortedatum) : 'onbekend'}` },
        ...(s.email ? [{ text: s.email, color: COLOR.muted, fit: true }] : []),
      ],
    },
    {
      title: 'Het leerbedrijf',
      lines: [
        { text: b.naam, font: 'semibold' },
        { text: b.adres ?? '' },
        { text: postcodePlaats(b.postcode, b.plaats) },
        { text: `KvK-nummer ${b.kvk}` },
        ...(b.vestigingsnummer ? [{ text: `Vestigingsnummer ${b.vestigingsnummer}` }] : []),
      ],
    },
    {
      title: 'De onderwijsinstelling',
      lines: [
        { text: sc.naam ?? '', font: 'semibold' },
        { text: sc.adres ?? '' },
        { text: postcodePlaats(sc.postcode, sc.plaats) },
        { text: `BRIN ${sc.brin ?? ''}` },
        ...(sc.telefoon ? [{ text: `Telefoon ${sc.telefoon}` }] : []),
        ...(sc.email ? [{ text: sc.email, color: COLOR.muted, fit: true }] : []),
      ],
    },
  ];

  const gap = 10;
  const pad = 9;
  const colW = (w.width - 2 * gap) / 3;
  const inner = colW - 2 * pad;
  const titleH = w.lineHeight(SIZE.label) + 3;
  for (const c of columns) c.lines = c.lines.map((l) => fitted(w, l, inner));
  const heights = columns.map(
    (c) => titleH + c.lines.reduce((h, l) => h + w.height(l.text || ' ', inner, l.font ?? 'regular', l.size ?? SIZE.body), 0),
  );
  const boxH = Math.max(...heights) + 2 * pad;

  sectionHeading(w, 'Partijen', boxH);
  const top = doc.y;
  columns.forEach((c, i) => {
    const x = w.left + i * (colW + gap);
    doc.save().rect(x, top, colW, boxH).fill(COLOR.panel).restore();
    doc.save().rect(x, top, colW, 2).fill(COLOR.accent).restore();
    w.font('semibold', SIZE.label, COLOR.accent);
    doc.text(c.title.toUpperCase(), x + pad, top + pad, { width: inner, characterSpacing: 0.4 });
    doc.y = top + pad + titleH;
    for (const l of c.lines) {
      w.font(l.font ?? 'regular', l.size ?? SIZE.body, l.color ?? COLOR.ink);
      doc.text(l.text || ' ', x + pad, doc.y, { width: inner, lineGap: LINE_GAP });
    }
  });
  doc.x = w.left;
  doc.y = top + boxH + 16;
}

/** Label-value rows; a row is never split over two pages. */
function table(w: Writer, heading: string, rows: [string, string][]): void {
  const doc = w.doc;
  const labelW = 150;
  const valueW = w.width - labelW - 8;
  const heightOf = (r: [string, string]): number =>
    Math.max(w.height(r[0], labelW, 'regular', SIZE.label), w.height(r[1], valueW)) + 9;
  sectionHeading(w, heading, heightOf(rows[0]!));
  w.rule(doc.y, COLOR.rule, 0.6);
  for (const r of rows) {
    const h = heightOf(r);
    w.keep(h);
    const y = doc.y + 4.5;
    w.font('regular', SIZE.label, COLOR.muted);
    doc.text(r[0], w.left, y + 1, { width: labelW, lineGap: LINE_GAP });
    w.font('regular', SIZE.body, COLOR.ink);
    doc.text(r[1], w.left + labelW + 8, y, { width: valueW, lineGap: LINE_GAP });
    doc.y = y + h - 4.5;
    w.rule(doc.y, COLOR.rule, 0.4);
  }
  doc.x = w.left;
  doc.y += 16;
}

function opleiding(w: Writer, data: PokData): void {
  const o = data.opleiding;
  table(w, 'Opleiding en BPV-periode', [
    ['Opleiding', o.naam ?? `Kwalificatie met crebo ${o.crebo}`],
    ['Crebo, niveau en leerweg', `${o.crebo} · niveau ${o.niveau} · ${leerwegText(o.leerweg)}`],
    ['Periode', `${datumLang(data.periode.startdatum)} tot en met ${datumLang(data.periode.einddatum)}`],
    ['Omvang', `${getal(data.uren.totaal)} klokuren, gemiddeld ${getal(data.uren.per_week)} uur per week`],
    // a BBL student is an employee: their holidays are the employment contract's (article on holidays)
    ['Werken in schoolvakanties', data.opleiding.leerweg === 'BBL' ? 'Volgens de arbeidsovereenkomst' : data.vakantiewerk ? 'Ja, afgesproken' : 'Nee'],
  ]);
}

function contact(p: PokPerson): string {
  const c = [p.email, p.telefoon ? `tel. ${p.telefoon}` : null].filter(Boolean).join(' · ');
  return c ? `${p.naam}\n${c}` : p.naam;
}

function begeleiding(w: Writer, data: PokData): void {
  table(w, 'Begeleiding', [
    ['Praktijkopleider (leerbedrijf)', contact(data.praktijkopleider)],
    [
      'Werkbegeleider (leerbedrijf)',
      data.werkbegeleider
        ? contact(data.werkbegeleider)
        : 'Geen aparte werkbegeleider: de praktijkopleider begeleidt de student ook in het dagelijks werk.',
    ],
    [
      'BPV-begeleider (school)',
      data.bpv_begeleider
        ? contact(data.bpv_begeleider)
        : 'Nog niet bekend: de school maakt in de eerste week van de BPV bekend wie de BPV-begeleider is.',
    ],
  ]);
}

function paragraphs(w: Writer, blocks: Block[], numbered: boolean): void {
  const doc = w.doc;
  const numW = numbered ? 18 : 0;
  const bulletIndent = 12;
  let n = 0;
  for (const b of blocks) {
    const bullet = b.kind === 'bullet';
    const x = w.left + numW + (bullet ? bulletIndent : 0);
    const width = w.width - (x - w.left);
    // never leave a single line at the foot of a page (asking room for two lines is cheaper
    // than measuring the paragraph, which would wrap it twice)
    w.keep(2 * w.lineHeight());
    const y = doc.y;
    if (bullet) {
      w.font('regular', SIZE.body, COLOR.accent);
      w.fixed('•', x - bulletIndent + 2, y);
    } else if (numbered) {
      n++;
      w.font('regular', SIZE.body, COLOR.muted);
      w.fixed(`${n}.`, w.left, y);
    }
    doc.y = y;
    w.runs(b.runs, x, width);
    doc.y += bullet ? 2.5 : PARA_GAP;
  }
}

function clauses(w: Writer, expanded: ExpandedTemplate): void {
  const doc = w.doc;
  if (expanded.preamble.length > 0) {
    doc.y += 2;
    paragraphs(w, expanded.preamble, false);
    doc.y += 8;
  }
  expanded.articles.forEach((a, i) => {
    // a heading travels with the first lines of its article
    const keepWith = a.blocks.length > 0 ? 2 * w.lineHeight() : 0;
    const h = w.lineHeight(SIZE.heading) + 4;
    w.keep(h + keepWith + 4);
    doc.y += 4;
    w.font('semibold', SIZE.heading, COLOR.accent);
    doc.text(`Artikel ${i + 1}`, w.left, doc.y, { continued: true, width: w.width });
    w.font('semibold', SIZE.heading, COLOR.ink);
    doc.text(`   ${a.title}`, { width: w.width });
    doc.y += 3;
    const paras = a.blocks.filter((b) => b.kind === 'para').length;
    paragraphs(w, a.blocks, paras > 1);
    doc.y += 5;
  });
}

interface SignBlock {
  title: string;
  /** Who signs, in small print under the title. */
  about: string;
  /** Printed above the name line when known in advance; otherwise the signer writes it. */
  name: string | null;
}

function signatures(w: Writer, data: PokData, opts: RenderOptions): void {
  const doc = w.doc;
  const naam = studentNaam(data.student);
  const blocks: SignBlock[] = [
    { title: 'De student', about: `studentnummer ${data.student.studentnummer}`, name: naam },
  ];
  if (guardianRequired(data)) {
    blocks.push({
      title: 'Ouder/wettelijk vertegenwoordiger',
      about: `van ${naam}, die op de begindatum jonger is dan 18 jaar`,
      name: null,
    });
  }
  blocks.push(
    {
      title: 'Het leerbedrijf',
      about: `namens ${data.leerbedrijf.naam}, door de praktijkopleider`,
      name: data.praktijkopleider.naam,
    },
    { title: 'De onderwijsinstelling', about: `namens ${data.school.naam ?? ''}`, name: null },
  );

  // three signers side by side fit the last page of the clauses far more often than 2 + 1;
  // four (with the guardian) get two rows of two, to keep the lines wide enough to write on
  const perRow = blocks.length === 3 ? 3 : 2;
  const gap = perRow === 3 ? 16 : 24;
  const colW = (w.width - (perRow - 1) * gap) / perRow;
  const fieldH = 28;
  const signH = 38;
  const headH = (b: SignBlock): number => 8 + w.lineHeight(10.5) + w.height(b.about, colW, 'regular', SIZE.small);
  const rows: SignBlock[][] = [];
  for (let i = 0; i < blocks.length; i += perRow) rows.push(blocks.slice(i, i + perRow));
  // fields line up across a row, whatever the length of the text above them
  const rowHeads = rows.map((r) => Math.max(...r.map(headH)));
  const rowHeight = (ri: number): number => rowHeads[ri]! + 4 + 2 * fieldH + signH;

  const intro =
    `Aldus in drievoud opgemaakt. Met hun handtekening verklaren partijen dat zij versie ${opts.version} ` +
    `van deze praktijkovereenkomst hebben gelezen en ermee instemmen.`;
  const introH = w.height(intro, w.width) + 10;
  // the whole signing section stays on one page: every party signs the same page, and a
  // signature is never separated from its name and date
  const total = w.lineHeight(SIZE.heading) + 4 + introH + rows.reduce((a, _, ri) => a + rowHeight(ri) + 12, 0);
  doc.y += 6;
  sectionHeading(w, 'Ondertekening', total);
  w.font('regular', SIZE.body, COLOR.ink);
  doc.text(intro, w.left, doc.y, { width: w.width, lineGap: LINE_GAP });
  doc.y += 10;

  const field = (label: string, value: string | null, fx: number, fw: number, fy: number, h: number): void => {
    w.font('regular', SIZE.label, COLOR.muted);
    w.fixed(label, fx, fy);
    if (value) {
      // one line on the rule, whatever the name's length: wrapped, a double-barrelled name ran
      // over the Plaats and Datum fields below, on the page people sign. Made smaller to fit,
      // down to what stays readable, then cut with an ellipsis.
      const { size } = fitted(w, { text: value, fit: true }, fw);
      w.font('regular', size!, COLOR.ink);
      w.fixed(value, fx, fy + h - 16 + (SIZE.body - size!), { width: fw, height: w.lineHeight(size!), ellipsis: true });
    }
    w.rule(fy + h - 4, '#8a97a8', 0.6, fx, fw);
  };

  rows.forEach((row, ri) => {
    w.keep(rowHeight(ri));
    const top = doc.y;
    row.forEach((b, ci) => {
      const x = w.left + ci * (colW + gap);
      doc.save().rect(x, top, colW, 2).fill(COLOR.accent).restore();
      w.font('semibold', 10.5, COLOR.ink);
      doc.text(b.title, x, top + 8, { width: colW });
      w.font('regular', SIZE.small, COLOR.muted);
      doc.text(b.about, x, doc.y, { width: colW, lineGap: LINE_GAP });
      let y = top + rowHeads[ri]! + 4;
      field('Naam', b.name, x, colW, y, fieldH);
      y += fieldH;
      const half = (colW - 12) / 2;
      field('Plaats', null, x, half, y, fieldH);
      field('Datum', null, x + half + 12, half, y, fieldH);
      y += fieldH;
      field('Handtekening', null, x, colW, y, signH);
    });
    doc.x = w.left;
    doc.y = top + rowHeight(ri) + 12;
  });
}
