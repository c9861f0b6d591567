// The raw-pdfkit baseline of bench/pok.bench.js: one process writing plain-text PDFs with the
// same number of pages as the POKs bpv just wrote, document for document, to files. The page
// text and layout are those of bench/pok.js (the POK author's renderer bench), so the two
// benches measure against the same thing.
//
//   node bench/pok-raw.mjs PAGES.json OUTDIR [--embedded]
//
// PAGES.json: an array of page counts, one per document. --embedded embeds Source Sans 3 (the
// POK's font, registered per document the ordinary way) instead of pdfkit's built-in
// Helvetica, which embeds no font at all and is the cheapest pdfkit can be.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const [pagesFile, outDir] = process.argv.slice(2);
const embedded = process.argv.includes('--embedded');
if (!pagesFile || !outDir) {
  process.stderr.write('usage: node bench/pok-raw.mjs PAGES.json OUTDIR [--embedded]\n');
  process.exit(2);
}
const pages = JSON.parse(fs.readFileSync(pagesFile, 'utf8'));
const fontBuf = embedded
  ? fs.readFileSync(require.resolve('@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf'))
  : null;

const PAGE_TEXT = (
  'De student houdt vanaf de eerste dag een urenregistratie bij met de gewerkte uren, de werkzaamheden en ' +
  'eventuele afwezigheid, en legt die aan het eind van elke week ter goedkeuring voor. '
).repeat(21);

function rawDoc(n, file) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 64, info: { CreationDate: new Date(0) } });
    const out = fs.createWriteStream(file);
    out.on('finish', resolve);
    out.on('error', reject);
    doc.pipe(out);
    if (fontBuf) {
      doc.registerFont('body', fontBuf);
      doc.font('body');
    }
    doc.fontSize(10);
    for (let p = 0; p < n; p++) {
      if (p > 0) doc.addPage();
      doc.text(PAGE_TEXT, { width: 467, lineGap: 1.6 });
    }
    doc.end();
  });
}

fs.mkdirSync(outDir, { recursive: true });
for (let i = 0; i < pages.length; i++) await rawDoc(pages[i], path.join(outDir, `raw-${i + 1}.pdf`));
