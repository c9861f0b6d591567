// The look the school's paper shares: the POK (src/pok/render.ts) and the monthly report
// (src/report/pdf.ts) use one page size, palette, type sizes and the same drawing helpers, so
// both look made by one hand. Types only from pdfkit: the renderers load it.
import type { FontName } from '../pok/render.js';

export type Doc = PDFKit.PDFDocument;

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { top: 54, bottom: 74, left: 64, right: 64 } as const;
export const COLOR = {
  ink: '#1c2430',
  accent: '#1f4e79',
  muted: '#5d6b7c',
  rule: '#c8d2dd',
  panel: '#f2f5f9',
  tag: '#e3ecf5',
  // for what needs the reader's attention; dark enough to read in black and white
  attention: '#9a4a12',
  error: '#a61b1b',
} as const;
export const SIZE = { body: 9.8, small: 8.6, label: 8.6, heading: 11.2, student: 12.5, title: 23, footer: 7.8 } as const;
export const LINE_GAP = 1.6;

/** Drawing on an A4 page within the margins. */
export class PdfWriter {
  readonly doc: Doc;
  readonly left: number = MARGIN.left;
  readonly width = A4.width - MARGIN.left - MARGIN.right;
  /** heights measured to keep a block on one page, reused when the same text is placed */
  private readonly heights = new Map<string, number>();

  constructor(doc: Doc) {
    this.doc = doc;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  room(): number {
    return this.bottom - this.doc.y;
  }

  /** Moves to a new page unless `height` still fits: keeps a block in one piece. */
  keep(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  font(name: FontName, size: number, color: string = COLOR.ink): this {
    this.doc.font(name).fontSize(size).fillColor(color);
    return this;
  }

  lineHeight(size: number = SIZE.body): number {
    this.doc.fontSize(size);
    return this.doc.currentLineHeight(true) + LINE_GAP;
  }

  height(text: string, width: number, name: FontName = 'regular', size: number = SIZE.body): number {
    const key = `${name}|${size}|${width}|${text}`;
    let h = this.heights.get(key);
    if (h === undefined) {
      this.doc.font(name).fontSize(size);
      this.heights.set(key, (h = this.doc.heightOfString(text, { width, lineGap: LINE_GAP })));
    }
    return h;
  }

  rule(y: number, color: string = COLOR.rule, weight = 0.6, x = this.left, w = this.width): void {
    this.doc.save().moveTo(x, y).lineTo(x + w, y).lineWidth(weight).strokeColor(color).stroke().restore();
  }

  /**
   * Text at a fixed place that must never trigger pdfkit's automatic page break, nor move the
   * flow: doc.x and doc.y stay where they were.
   */
  fixed(text: string, x: number, y: number, opts: PDFKit.Mixins.TextOptions = {}): void {
    const doc = this.doc;
    const margins = doc.page.margins;
    const saved = { bottom: margins.bottom, x: doc.x, y: doc.y };
    margins.bottom = 0;
    doc.text(text, x, y, { lineBreak: false, ...opts });
    margins.bottom = saved.bottom;
    doc.x = saved.x;
    doc.y = saved.y;
  }

  /** Wrapped text at the left margin (or `x`), moving doc.y below it. */
  para(text: string, opts: { x?: number; width?: number; font?: FontName; size?: number; color?: string } = {}): void {
    const x = opts.x ?? this.left;
    this.font(opts.font ?? 'regular', opts.size ?? SIZE.body, opts.color ?? COLOR.ink);
    this.doc.text(text, x, this.doc.y, { width: opts.width ?? this.width - (x - this.left), lineGap: LINE_GAP });
    this.doc.x = this.left;
  }
}

/** The row of small labelled values under a document's title, and the accent rule below it. */
export function metaRow(w: PdfWriter, items: readonly (readonly [label: string, value: string])[]): void {
  const doc = w.doc;
  let x = w.left;
  const y = doc.y;
  for (const [k, v] of items) {
    w.font('regular', SIZE.label, COLOR.muted);
    w.fixed(k, x, y);
    w.font('semibold', 10, COLOR.ink);
    w.fixed(v, x, y + 11);
    x += Math.max(doc.widthOfString(v), 70) + 28;
  }
  doc.y = y + 30;
  w.rule(doc.y, COLOR.accent, 1.2);
  doc.y += 14;
}

/** A section's heading, kept on one page with the first `keepWith` points of what follows. */
export function sectionHeading(w: PdfWriter, text: string, keepWith: number): void {
  w.keep(w.lineHeight(SIZE.heading) + 6 + keepWith);
  w.font('semibold', SIZE.heading, COLOR.accent);
  w.doc.text(text, w.left, w.doc.y, { width: w.width });
  w.doc.y += 4;
}

/** pdfkit copies Info strings into the XMP packet without escaping. */
export function xmlSafe(s: string): string {
  return s.replace(/[<>&"]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Ends the document and gives its bytes. */
export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
