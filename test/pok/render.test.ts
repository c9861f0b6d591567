import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { loadPokSource, type PokData } from '../../src/pok/data.js';
import { COPY_LABELS, POK_COPIES, renderPok, renderPokSplit } from '../../src/pok/render.js';
import { loadPokTemplate } from '../../src/pok/template.js';
import { flat, insertPlacement, makeDb, pdfPages, seed, type PdfPage, type PlacementSeed } from './helpers.js';

let db: Database.Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

function dataFor(overrides: Partial<PlacementSeed> = {}): PokData {
  db?.close();
  db = makeDb();
  const s = seed(overrides);
  insertPlacement(db, s);
  return loadPokSource(db, s.plaatsing_id)!.data;
}

const OPTS = { version: 3, generatedOn: '2026-08-20' };
const LABELS = POK_COPIES.map((c) => COPY_LABELS[c]);

/** The copies, by the holder named in each page's footer. */
function copies(pages: PdfPage[]): PdfPage[][] {
  const out: PdfPage[][] = [];
  let current = '';
  for (const p of pages) {
    const label = LABELS.find((l) => p.text.includes(l)) ?? '';
    if (label !== current || /pagina 1 van/.test(p.text)) {
      out.push([]);
      current = label;
    }
    out[out.length - 1]!.push(p);
  }
  return out;
}

describe('renderPok', () => {
  it('holds three complete copies, each starting on a new page, labelled in order', async () => {
    const pages = await pdfPages(await renderPok(dataFor(), loadPokTemplate(), OPTS));
    const parts = copies(pages);
    expect(parts).toHaveLength(3);
    const n = parts[0]!.length;
    expect(pages).toHaveLength(3 * n);
    parts.forEach((copy, i) => {
      expect(copy).toHaveLength(n);
      // the holder's label heads the copy's first page, and no other label appears in the copy
      expect(copy[0]!.text).toContain(LABELS[i]);
      for (const p of copy) for (const other of LABELS.filter((l) => l !== LABELS[i])) expect(p.text).not.toContain(other);
      const all = flat(copy.map((p) => p.text).join('\n'));
      for (const must of [
        'Praktijkovereenkomst', 'Partijen', 'Opleiding en BPV-periode', 'Begeleiding', 'Ondertekening',
        'Studentnummer 0123456', 'KvK-nummer 01234567', 'BRIN 25LH', 'crebo 25491', 'Artikel 1', 'Artikel 10',
        'artikel 7:658', 'artikel 6:170', 'Overmacht.', 'Niet functioneren.',
      ]) {
        expect(all).toContain(must);
      }
    });
  });

  it('foots every page with the POK number, version, holder and page numbers within the copy', async () => {
    const pages = await pdfPages(await renderPok(dataFor(), loadPokTemplate(), OPTS));
    const parts = copies(pages);
    parts.forEach((copy, i) => {
      copy.forEach((p, j) => {
        expect(p.text).toContain('POK-P-1001 · versie 3');
        expect(p.text).toContain(LABELS[i]);
        expect(p.text).toContain(`pagina ${j + 1} van ${copy.length}`);
      });
    });
  });

  it('shows dates and numbers the Dutch way', async () => {
    const text = flat((await pdfPages(await renderPok(dataFor(), loadPokTemplate(), OPTS))).map((p) => p.text).join(' '));
    expect(text).toContain('1 september 2026 tot en met 29 januari 2027');
    expect(text).toContain('640 klokuren, gemiddeld 32,5 uur per week');
    expect(text).toContain('Opgemaakt op 20 augustus 2026');
  });

  it('keeps Dutch letters intact: ë, é, ï and the ĳ ligature', async () => {
    const text = (await pdfPages(await renderPok(dataFor(), loadPokTemplate(), OPTS))).map((p) => p.text).join(' ');
    expect(text).toContain('Zoë van Ĳsselstein-Éénhoorn');
    expect(text).toContain('Anouk de Bruïne');
  });

  it('adds the guardian signature block for a student of 17 on the start date', async () => {
    const pages = await pdfPages(await renderPok(dataFor({ geboortedatum: '2009-09-02' }), loadPokTemplate(), OPTS));
    for (const copy of copies(pages)) {
      const last = copy[copy.length - 1]!.text;
      expect(last).toContain('Ouder/wettelijk vertegenwoordiger');
    }
  });

  it('states the working-time limits of the student\'s age on the start date: 9 and 45 at 16 or 17, 7 and 35 younger', async () => {
    // start 1 September 2026: 17, just 16, and 15 (the 16th birthday the day after the start)
    for (const [geboortedatum, limits] of [['2009-09-02', '9 uur per dienst en 45 uur per week'], ['2010-09-01', '9 uur per dienst en 45 uur per week'],
      ['2010-09-02', '7 uur per dienst en 35 uur per week']]) {
      const text = flat((await pdfPages(await renderPok(dataFor({ geboortedatum }), loadPokTemplate(), OPTS))).map((p) => p.text).join(' '));
      expect(text, geboortedatum).toContain(`Omdat de student jonger is dan 18 jaar, gelden de regels voor jeugdigen: ten hoogste ${limits}`);
    }
  });

  it('has no guardian block for a student whose 18th birthday is the start date', async () => {
    const pages = await pdfPages(await renderPok(dataFor({ geboortedatum: '2008-09-01' }), loadPokTemplate(), OPTS));
    const text = pages.map((p) => p.text).join(' ');
    expect(text).not.toContain('Ouder/wettelijk vertegenwoordiger');
    expect(text).not.toContain('jonger is dan 18 jaar');
  });

  it('keeps the whole signing section on one page with every date and signature line', async () => {
    for (const geboortedatum of ['2009-09-02', '2001-01-01']) {
      const pages = await pdfPages(await renderPok(dataFor({ geboortedatum }), loadPokTemplate(), OPTS));
      for (const copy of copies(pages)) {
        const page = copy.find((p) => p.text.includes('Ondertekening'))!;
        const blocks = geboortedatum === '2009-09-02' ? 4 : 3;
        for (const title of ['De student', 'Het leerbedrijf', 'De onderwijsinstelling']) expect(page.text).toContain(title);
        expect(page.text.match(/Handtekening/g)).toHaveLength(blocks);
        expect(page.text.match(/Datum/g)).toHaveLength(blocks);
        // and nothing of it spills onto a later page
        for (const later of copy.slice(copy.indexOf(page) + 1)) expect(later.text).not.toContain('Handtekening');
      }
    }
  });

  it('writes no text outside the printable area, even with long names and goals', async () => {
    const long = 'B1-K1-W1 Onderkent de zorgbehoefte van de cliënt en stelt samen met de cliënt het zorgplan op; '.repeat(12);
    const data = dataFor({
      leerbedrijf: 'Stichting Zorggroep Ĳsselmonde–Krimpenerwaard, locatie Verpleeghuis De Notenkraker (afdeling Psychogeriatrie)',
      leerdoelen: long,
      werkbegeleider: 'Sjoerd Ĳzerman',
      email_werkbegeleider: 's.ijzerman@example.nl',
      geboortedatum: '2009-09-02',
    });
    const pages = await pdfPages(await renderPok(data, loadPokTemplate(), OPTS));
    for (const p of pages) {
      for (const it of p.items) {
        if (it.str.trim() === '') continue;
        expect(it.x).toBeGreaterThanOrEqual(60);
        expect(it.x).toBeLessThan(p.width - 60);
        expect(it.y).toBeGreaterThan(30);
        expect(it.y).toBeLessThan(p.height - 40);
      }
    }
    expect(flat(pages.map((p) => p.text).join(' '))).toContain('Onderkent de zorgbehoefte');
  });

  it('is deterministic: same data, same bytes', async () => {
    const data = dataFor();
    const a = await renderPok(data, loadPokTemplate(), OPTS);
    const b = await renderPok(structuredClone(data), loadPokTemplate(), OPTS);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('writes PDF/A-2b markers: XMP identification, output intent, only embedded fonts', async () => {
    const pdf = (await renderPok(dataFor(), loadPokTemplate(), OPTS)).toString('latin1');
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(pdf).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(pdf).toContain('<xmp:CreateDate>2026-08-20T00:00:00Z</xmp:CreateDate>');
    expect(pdf).toContain('<xmp:ModifyDate>2026-08-20T00:00:00Z</xmp:ModifyDate>');
    expect(pdf).toContain('/OutputIntents');
    expect(pdf).toContain('/GTS_PDFA1');
    const baseFonts = [...pdf.matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((m) => m[1]!);
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const f of baseFonts) expect(f).toMatch(/^[A-Z]{6}\+SourceSans3-/);
    expect(pdf).toMatch(/\/FontFile2 \d+ 0 R/);
  });

  it('split gives the three copies as files of their own', async () => {
    const data = dataFor();
    const split = await renderPokSplit(data, loadPokTemplate(), OPTS);
    const whole = await pdfPages(await renderPok(data, loadPokTemplate(), OPTS));
    const n = whole.length / 3;
    for (const [i, copy] of POK_COPIES.entries()) {
      const pages = await pdfPages(split[copy]);
      expect(pages).toHaveLength(n);
      expect(pages[0]!.text).toContain(COPY_LABELS[copy]);
      expect(pages[n - 1]!.text).toContain(`pagina ${n} van ${n}`);
      expect(pages.map((p) => p.text)).toEqual(whole.slice(i * n, (i + 1) * n).map((p) => p.text));
    }
  });
});
