// The monthly report as PDF: A4, one file per praktijkopleider, a table per student and a bar
// of the hours progress. It looks like the POK (src/pok/render.ts): the same embedded Source
// Sans 3 (installed by the POK's own renderer), palette, header and footer, so the school's
// paper looks like one hand made it.
//
// This module loads pdfkit; the CLI reaches it only through `await import()`, so `bpv --help`
// and the CSV and JSON reports never pay for it.
//
// The same report and as-of date give byte-identical files: the PDF's dates come from as-of,
// and pdfkit derives nothing from the clock or chance beyond them.

import PDFDocument from 'pdfkit';
import { installFonts, type FontName as PokFontName } from '../pok/render.js';
import type { IsoDate } from '../domain/types.js';
import { fmtDate } from '../i18n/lang.js';
import { reportMsg, type ReportMessages } from '../i18n/report.js';
import type { PoReport, ReportPlacement, ReportWeek, WeekStatus } from './model.js';
import type { ReportMonth } from './month.js';
import { A4, COLOR, LINE_GAP, MARGIN, PdfWriter, SIZE, metaRow, sectionHeading, finish, xmlSafe, type Doc } from '../pdf/look.js';

export interface PdfSchool {
  naam: string | null;
  adres: string | null;
  postcode: string | null;
  plaats: string | null;
  telefoon: string | null;
  email: string | null;
}

export interface PdfOptions {
  month: ReportMonth;
  asOf: IsoDate;
  school: PdfSchool;
}

// ---- fonts: the POK's, from its renderer (parsed once per process, shared by every document)

type FontName = Exclude<PokFontName, 'italic'>;

// ---- look: the POK's (src/pdf/look.ts) ----------------------------------------------------

const STATUS_COLOR: Record<WeekStatus, string> = {
  correctie: COLOR.attention,
  concept: COLOR.attention,
  'wacht-op-akkoord': COLOR.accent,
  goedgekeurd: COLOR.ink,
  leeg: COLOR.muted,
};

// ---- numbers and dates for the reader ----------------------------------------------------

/** Decimal comma and thousands dot in Dutch (1.336; 7,5; 0,3333): hours as kept, to 1/10000. */
function num(n: number): string {
  const units = Math.round(Math.abs(n) * 10000);
  const whole = Math.floor(units / 10000);
  const frac = units % 10000;
  const int = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const dec = frac === 0 ? '' : ',' + String(frac).padStart(4, '0').replace(/0+$/, '');
  return (n < 0 ? '-' : '') + int + dec;
}

function pct(p: number): string {
  return p.toFixed(1).replace('.', ',');
}

/** `24 november 2026` */
function longDate(iso: IsoDate, m: ReportMessages): string {
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${m.monthName(y, mo).replace(/ \d+$/, '')} ${y}`;
}

/** `02-11 – 08-11`: the week's days inside the month and the period */
function days(w: ReportWeek): string {
  const short = (iso: string) => fmtDate(iso, 'nl').slice(0, 5);
  return w.van === w.tot ? short(w.van) : `${short(w.van)} – ${short(w.tot)}`;
}

// ---- the writer --------------------------------------------------------------------------

class Writer extends PdfWriter {
  /** the fill colour of the current page's text, so a table of a thousand cells sets it only when it changes */
  private color: string | null = null;

  constructor(doc: Doc) {
    super(doc);
    // a new page starts with PDF's default colour, whatever was set on the page before
    doc.on('pageAdded', () => this.forgetColor());
  }

  forgetColor(): void {
    this.color = null;
  }

  /** while a student's block runs on: what heads each page it continues on */
  continued: string | null = null;

  override keep(height: number): void {
    if (this.doc.y + height <= this.bottom) return;
    this.doc.addPage();
    // findings and rows break between, never inside, so this line comes before the next of them
    if (this.continued) {
      this.font('semibold', SIZE.small, COLOR.muted);
      this.doc.text(this.continued, this.left, this.doc.y, { width: this.width, lineBreak: false });
      this.doc.y += 4;
    }
  }

  override font(name: FontName, size: number, color: string = COLOR.ink): this {
    this.doc.font(name).fontSize(size);
    // panels and bars fill inside save()/restore(), which gives the text colour back
    if (color !== this.color) {
      this.doc.fillColor(color);
      this.color = color;
    }
    return this;
  }
}

// ---- the document ------------------------------------------------------------------------

function newDocument(r: PoReport, opts: PdfOptions, m: ReportMessages): Doc {
  const when = new Date(`${opts.asOf}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...MARGIN },
    autoFirstPage: false,
    bufferPages: true,
    lang: 'nl-NL',
    displayTitle: true,
    font: '',
    info: {
      Title: xmlSafe(`${m.pdf.title} ${m.monthName(opts.month.year, opts.month.number)} ${r.praktijkopleider.naam}`),
      Creator: 'bpv',
      Producer: 'bpv',
      CreationDate: when,
      ModDate: when,
    },
  });
  installFonts(doc);
  doc.font('regular');
  return doc;
}

function header(w: Writer, r: PoReport, opts: PdfOptions, m: ReportMessages): void {
  const doc = w.doc;
  const top = MARGIN.top;
  const maand = m.monthName(opts.month.year, opts.month.number);
  const label = `${m.pdf.title.split(' ')[0]} ${maand}`;
  w.font('semibold', 9.2, COLOR.accent);
  const tagW = doc.widthOfString(label) + 18;
  const tagX = w.left + w.width - tagW;
  doc.save().roundedRect(tagX, top - 4, tagW, 19, 3).fill(COLOR.tag).restore();
  w.font('semibold', 9.2, COLOR.accent);
  w.fixed(label, tagX + 9, top + 1);

  const s = opts.school;
  w.font('semibold', 10.5, COLOR.accent);
  w.fixed(s.naam ?? '', w.left, top - 2, { width: w.width - tagW - 12 });
  w.font('regular', SIZE.small, COLOR.muted);
  const line = [s.adres, [s.postcode, s.plaats].filter(Boolean).join(' ')].filter((x) => x && x.trim() !== '').join(' · ');
  w.fixed(line, w.left, top + 12, { width: w.width - tagW - 12 });

  doc.y = top + 40;
  w.font('bold', SIZE.title, COLOR.ink);
  doc.text(m.pdf.title, w.left, doc.y, { width: w.width });
  doc.moveDown(0.1);
  // without students this month no company is known to name
  w.para(m.pdf.subtitle(r.praktijkopleider.naam, r.leerbedrijven.length ? r.leerbedrijven.join(', ') : null), { size: 10.5, color: COLOR.muted });
  doc.moveDown(0.35);
  const meta: [string, string][] = [
    [m.pdf.month, maand],
    [m.pdf.asOf, longDate(opts.asOf, m)],
    [m.pdf.students, String(new Set(r.placements.map((p) => p.student)).size)],
  ];
  metaRow(w, meta);
}


/** A bulleted line; the bullet in the accent colour as in the POK. */
function bullet(w: Writer, text: string, color: string = COLOR.ink, x0 = w.left): void {
  const indent = 12;
  w.keep(w.height(text, w.width - (x0 - w.left) - indent));
  const y = w.doc.y;
  w.font('regular', SIZE.body, COLOR.accent);
  w.fixed('•', x0 + 2, y);
  w.doc.y = y;
  w.para(text, { x: x0 + indent, color });
  w.doc.y += 2;
}

/** Everything the praktijkopleider should do, on the first page, by student. */
function actionsBox(w: Writer, r: PoReport, m: ReportMessages): void {
  const doc = w.doc;
  const items = r.placements.flatMap((p) => p.actions.map((a) => `${p.naam}: ${a}`));
  const pad = 10;
  const inner = w.width - 2 * pad - 12;
  // "nothing to do" above a list of errors would read as a contradiction
  const quiet = r.placements.some((p) => p.findings.length) ? m.pdf.quietMonthWithFindings : m.pdf.quietMonth;
  const texts = items.length ? items : [r.placements.length ? quiet : m.pdf.noStudents];
  const bodyH = texts.reduce((h, t) => h + w.height(t, inner) + 2, 0);
  const titleH = w.lineHeight(SIZE.label) + 4;
  const boxH = titleH + bodyH + 2 * pad;
  // a long list flows over pages without a box; a short one gets the POK's panel
  if (boxH < w.room() - 40) {
    const top = doc.y;
    doc.save().rect(w.left, top, w.width, boxH).fill(COLOR.panel).restore();
    doc.save().rect(w.left, top, w.width, 2).fill(COLOR.accent).restore();
    w.font('semibold', SIZE.label, COLOR.accent);
    doc.text(m.pdf.actionsHeading.toUpperCase(), w.left + pad, top + pad, { width: inner, characterSpacing: 0.4 });
    doc.y = top + pad + titleH;
    for (const t of texts) items.length ? bullet(w, t, COLOR.ink, w.left + pad) : w.para(t, { x: w.left + pad, width: inner });
    doc.y = top + boxH + 18;
  } else {
    sectionHeading(w, m.pdf.actionsHeading, w.lineHeight());
    for (const t of texts) bullet(w, t);
    doc.y += 14;
  }
}

// ---- one student -------------------------------------------------------------------------

const COLS = [
  { key: 'week', w: 44, align: 'left' },
  { key: 'dagen', w: 82, align: 'left' },
  { key: 'gewerkt', w: 58, align: 'right' },
  { key: 'ziek', w: 50, align: 'right' },
  { key: 'afwezig', w: 54, align: 'right' },
  { key: 'verlof', w: 50, align: 'right' },
  { key: 'status', w: 0, align: 'left' },
] as const;
const ROW_H = 15.5;
const BAR_H = 40;

function studentHeader(w: Writer, p: ReportPlacement, m: ReportMessages): void {
  const doc = w.doc;
  const y = doc.y;
  const id = `${p.placement} · ${m.pdf.studentnummer} ${p.student}`;
  w.font('regular', SIZE.small, COLOR.muted);
  const idW = doc.widthOfString(id);
  w.fixed(id, w.left + w.width - idW, y + 3);
  w.font('semibold', SIZE.student, COLOR.ink);
  doc.text(p.naam, w.left, y, { width: w.width - idW - 12, lineGap: LINE_GAP });
  doc.y += 1;
  w.para(infoLine(p, m), { size: SIZE.small, color: COLOR.muted });
  doc.y += 5;
}

function infoLine(p: ReportPlacement, m: ReportMessages): string {
  const opleiding = `${p.opleiding ?? `crebo ${p.crebo}`} (crebo ${p.crebo}, niveau ${p.niveau}, ${p.leerweg}) · ${p.leerbedrijf}`;
  let periode = `${m.pdf.periode} ${fmtDate(p.startdatum, 'nl')} ${m.pdf.until} ${fmtDate(p.einddatum, 'nl')}`;
  if (p.beeindigd_reden) periode += `, ${m.pdf.brokenOff(fmtDate(p.effectieve_einddatum, 'nl'), m.reden[p.beeindigd_reden] ?? p.beeindigd_reden)}`;
  return `${opleiding}\n${periode} · ${m.pdf.agreed(num(p.uren_per_week))} · ${m.pdf.pok}: ${p.pok ? m.pok[p.pok] : '—'}`;
}

function tableRow(w: Writer, cells: string[], y: number, opts: { font?: FontName; colors?: (string | undefined)[]; span?: boolean } = {}): void {
  let x = w.left;
  const statusW = w.width - COLS.reduce((s, c) => s + c.w, 0);
  COLS.forEach((c, i) => {
    // span: the first cell (a label) takes the second column's room too
    if (opts.span && i === 1) return;
    const cw = opts.span && i === 0 ? c.w + COLS[1].w : c.w || statusW;
    w.font(opts.font ?? 'regular', SIZE.body, opts.colors?.[i] ?? COLOR.ink);
    // right-aligned numbers keep a gap before the next column
    w.fixed(cells[i] ?? '', x, y, { width: c.align === 'right' ? cw - 10 : cw, align: c.align });
    x += cw;
  });
}

function weekTable(w: Writer, p: ReportPlacement, opts: PdfOptions, m: ReportMessages): void {
  const doc = w.doc;
  const c = m.pdf.cols;
  w.keep(3 * ROW_H);
  tableRow(w, [c.week, c.dagen, c.gewerkt, c.ziek, c.afwezig, c.verlof, c.status], doc.y + 3, { font: 'semibold', colors: Array(7).fill(COLOR.muted) });
  doc.y += ROW_H;
  w.rule(doc.y, COLOR.accent, 0.8);
  for (const wk of p.weeks) {
    w.keep(ROW_H);
    // a dash for nothing: the few hours that are there stand out on paper
    const h = (n: number) => (n === 0 ? '–' : num(n));
    const cells = [String(Number(wk.week.slice(6))), days(wk), h(wk.gewerkt), h(wk.ziek), h(wk.afwezig), h(wk.verlof), m.status[wk.status]];
    tableRow(w, cells, doc.y + 4, { colors: [undefined, COLOR.muted, undefined, undefined, undefined, undefined, STATUS_COLOR[wk.status]] });
    doc.y += ROW_H;
    w.rule(doc.y, COLOR.rule, 0.4);
  }
  w.keep(ROW_H);
  const t = p.totals;
  const maand = m.monthName(opts.month.year, opts.month.number).replace(/ \d+$/, '');
  tableRow(w, [m.pdf.total(maand), '', num(t.gewerkt), num(t.ziek), num(t.afwezig), num(t.verlof), ''], doc.y + 4, { font: 'semibold', span: true });
  doc.y += ROW_H;
  w.rule(doc.y, COLOR.accent, 0.8);
  doc.y += 10;
}

/** The hours progress: a bar filled to the approved share of uren_totaal (beyond 100% full). */
function progressBar(w: Writer, p: ReportPlacement, m: ReportMessages): void {
  const doc = w.doc;
  w.keep(BAR_H);
  const y = doc.y;
  w.font('regular', SIZE.small, COLOR.muted);
  w.fixed(m.pdf.progress(fmtDate(p.goedgekeurd_tot, 'nl')), w.left, y);
  const value = m.pdf.progressOf(num(p.goedgekeurd_tot_maandeinde), num(p.uren_totaal), pct(p.percentage));
  w.font('semibold', SIZE.body, COLOR.ink);
  const vw = doc.widthOfString(value);
  w.fixed(value, w.left + w.width - vw, y - 1);
  const barY = y + 15;
  const barH = 9;
  const filled = Math.max(0, Math.min(1, p.percentage / 100)) * w.width;
  doc.save().roundedRect(w.left, barY, w.width, barH, 2).fill(COLOR.tag).restore();
  if (filled > 0) doc.save().roundedRect(w.left, barY, Math.max(filled, 4), barH, 2).fill(COLOR.accent).restore();
  // quarter marks, so the share can be read on a black-and-white print
  for (const q of [0.25, 0.5, 0.75]) {
    const x = w.left + q * w.width;
    doc.save().moveTo(x, barY).lineTo(x, barY + barH).lineWidth(0.6).strokeColor('#ffffff').stroke().restore();
  }
  doc.y = barY + barH + 14;
}

function findings(w: Writer, p: ReportPlacement, m: ReportMessages): void {
  if (p.findings.length === 0) return;
  const doc = w.doc;
  const tagW = 44;
  const first = p.findings[0]!;
  w.keep(w.lineHeight(SIZE.label) + 4 + w.height(first.message, w.width - tagW));
  w.font('semibold', SIZE.label, COLOR.accent);
  doc.text(m.pdf.findings, w.left, doc.y, { width: w.width });
  doc.y += 3;
  for (const f of p.findings) {
    const h = w.height(f.message, w.width - tagW);
    w.keep(h);
    const y = doc.y;
    w.font('semibold', SIZE.small, f.severity === 'error' ? COLOR.error : f.severity === 'warning' ? COLOR.attention : COLOR.muted);
    w.fixed(m.pdf.severity[f.severity], w.left, y + 1);
    doc.y = y;
    w.para(f.message, { x: w.left + tagW });
    doc.y += 2;
  }
  doc.y += 6;
}

function actions(w: Writer, p: ReportPlacement, m: ReportMessages): void {
  if (p.actions.length === 0) return;
  w.keep(w.lineHeight(SIZE.label) + 4 + w.lineHeight());
  w.font('semibold', SIZE.label, COLOR.accent);
  w.doc.text(m.pdf.actions, w.left, w.doc.y, { width: w.width });
  w.doc.y += 3;
  for (const a of p.actions) bullet(w, a);
  w.doc.y += 4;
}

/** What a student's block needs, to keep it on one page when it fits on one. */
function blockHeight(w: Writer, p: ReportPlacement, m: ReportMessages): number {
  const head = w.lineHeight(SIZE.student) + 1 + w.height(infoLine(p, m), w.width, 'regular', SIZE.small) + 5;
  const table = (p.weeks.length + 2) * ROW_H + 10;
  const f = p.findings.length ? w.lineHeight(SIZE.label) + 9 + p.findings.reduce((h, x) => h + w.height(x.message, w.width - 44) + 2, 0) : 0;
  const a = p.actions.length ? w.lineHeight(SIZE.label) + 7 + p.actions.reduce((h, x) => h + w.height(x, w.width - 12) + 2, 0) : 0;
  return head + table + BAR_H + f + a + 24;
}

function student(w: Writer, p: ReportPlacement, opts: PdfOptions, m: ReportMessages): void {
  const h = blockHeight(w, p, m);
  const page = w.bottom - MARGIN.top;
  // a block that fits on a page starts on a new one rather than being split; a longer one
  // (many findings) starts on a fresh page and flows on
  w.keep(Math.min(h, page));
  studentHeader(w, p, m);
  // a block longer than a page names its student at the top of the next
  w.continued = m.pdf.continued(p.naam);
  weekTable(w, p, opts, m);
  progressBar(w, p, m);
  findings(w, p, m);
  actions(w, p, m);
  w.continued = null;
  w.doc.y += 6;
  w.rule(w.doc.y, COLOR.rule, 0.6);
  w.doc.y += 16;
}

function contact(opts: PdfOptions): string | null {
  const s = opts.school;
  const how = [s.email, s.telefoon].filter(Boolean).join(' · ');
  if (!s.naam && !how) return null;
  return [s.naam ? `Bureau Werk & Stage, ${s.naam}` : 'Bureau Werk & Stage', how].filter(Boolean).join(': ');
}

function footers(w: Writer, r: PoReport, opts: PdfOptions, m: ReportMessages): void {
  const doc = w.doc;
  const range = doc.bufferedPageRange();
  const maand = m.monthName(opts.month.year, opts.month.number);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    w.forgetColor();
    const y = doc.page.height - MARGIN.bottom + 26;
    w.rule(y - 7, COLOR.rule, 0.5);
    w.font('regular', SIZE.footer, COLOR.muted);
    w.fixed(m.pdf.footer(maand, r.praktijkopleider.naam), w.left, y, { width: w.width * 0.7, align: 'left' });
    w.fixed(m.pdf.page(i - range.start + 1, range.count), w.left, y, { width: w.width, align: 'right' });
  }
}

const NAMES = new Intl.Collator('nl', { sensitivity: 'base' });
const IDS = new Intl.Collator('nl', { numeric: true });
/** P-2 before P-10 */
const compareIds = (a: string, b: string): number => IDS.compare(a, b);

/** One praktijkopleider's month as a PDF. */
export async function renderReportPdf(r: PoReport, opts: PdfOptions): Promise<Buffer> {
  // a document for the praktijkopleider: Dutch, whatever --lang says (the POK is too)
  const m = reportMsg('nl');
  const doc = newDocument(r, opts, m);
  const w = new Writer(doc);
  doc.addPage();
  // on paper the students go by achternaam, as a Dutch list of names (the JSON and CSV keep the placements' order)
  const byName = { ...r, placements: [...r.placements].sort((a, b) => NAMES.compare(a.sorteernaam, b.sorteernaam) || compareIds(a.placement, b.placement)) };
  header(w, byName, opts, m);
  actionsBox(w, byName, m);
  for (const p of byName.placements) student(w, p, opts, m);
  const c = contact(opts);
  if (c) {
    w.keep(w.lineHeight() * 2);
    w.para(m.pdf.contact(c), { size: SIZE.small, color: COLOR.muted });
  }
  footers(w, r, opts, m);
  return finish(doc);
}
