// Bench of the POK renderer (not a test): how many pages a second our contract layout
// produces, against raw pdfkit writing the same number of plain-text pages, and whether the
// worker pool of `bpv pok generate --all` pays off on this machine.
//
//   npm run build && node bench/pok.js [POKS=1000] [POOL_PLACEMENTS=200]
//
// Raw pdfkit is measured twice: with its built-in Helvetica (no font embedded: the cheapest
// pdfkit can be, but not allowed in PDF/A) and with Source Sans 3 embedded the ordinary way
// (registerFont per document), which is what a POK must do. The target is ours >= half of
// raw pdfkit's pages a second.

import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import PDFDocument from 'pdfkit';
import Database from 'better-sqlite3';

const { renderPok } = await import('../dist/pok/render.js');
const { loadPokTemplate } = await import('../dist/pok/template.js');
const { generatePoks, allPlacementIds } = await import('../dist/pok/versions.js');
const { MIGRATIONS } = await import('../dist/db/migrations.js');

const POKS = Number(process.argv[2] ?? 1000);
const POOL_PLACEMENTS = Number(process.argv[3] ?? 200);
const require = createRequire(import.meta.url);

function pokData(i) {
  return {
    plaatsing_id: `P-${String(i).padStart(5, '0')}`,
    student: {
      studentnummer: String(100000 + i),
      voornaam: ['Zoë', 'Daan', 'Ĳsbrand', 'Noëlle', 'Sem'][i % 5],
      tussenvoegsel: i % 3 === 0 ? 'van der' : null,
      achternaam: `Achternaam${i}`,
      geboortedatum: i % 4 === 0 ? '2009-10-01' : '2004-03-15',
      email: `student${i}@student.roc-example.nl`,
    },
    leerbedrijf: {
      naam: `Leerbedrijf ${i} B.V.`,
      kvk: String(10000000 + i),
      vestigingsnummer: null,
      adres: `Dorpsstraat ${i}`,
      postcode: '3811 AB',
      plaats: 'Amersfoort',
    },
    praktijkopleider: { naam: `Praktijkopleider ${i}`, email: `po${i}@bedrijf.nl`, telefoon: '033 123 45 67' },
    werkbegeleider: null,
    bpv_begeleider: i % 2 ? { naam: `Docent ${i % 17}`, email: `docent${i % 17}@roc-example.nl`, telefoon: null } : null,
    school: {
      naam: 'ROC Midden-Brabant', brin: '25LH', adres: 'Stationsplein 1', postcode: '5038 AA', plaats: 'Tilburg',
      telefoon: '013 123 45 00', email: 'bws@roc-example.nl',
    },
    opleiding: { naam: 'Verzorgende IG', crebo: '25491', niveau: 3, leerweg: i % 5 ? 'BOL' : 'BBL' },
    periode: { startdatum: '2026-09-01', einddatum: '2027-01-29' },
    uren: { totaal: 640, per_week: 32 },
    leerdoelen: i % 2 ? `B1-K1-W${i % 6} Werkproces ${i}; B1-K2-W1 Communiceert met de cliënt.` : null,
    vakantiewerk: i % 7 === 0,
  };
}

function pagesOf(pdf) {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

function collect(doc) {
  return new Promise((resolve) => {
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

const PAGE_TEXT = (
  'De student houdt vanaf de eerste dag een urenregistratie bij met de gewerkte uren, de werkzaamheden en ' +
  'eventuele afwezigheid, en legt die aan het eind van elke week ter goedkeuring voor. '
).repeat(21);

async function rawDoc(pages, embedded, fontBuf) {
  const doc = new PDFDocument({ size: 'A4', margin: 64, info: { CreationDate: new Date(0) } });
  if (embedded) {
    doc.registerFont('body', fontBuf);
    doc.font('body');
  }
  doc.fontSize(10);
  for (let p = 0; p < pages; p++) {
    if (p > 0) doc.addPage();
    doc.text(PAGE_TEXT, { width: 467, lineGap: 1.6 });
  }
  return collect(doc);
}

const tpl = loadPokTemplate();
const fontBuf = require('node:fs').readFileSync(
  require.resolve('@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf'),
);

// The three are interleaved in rounds of ROUND documents, so that other work on the machine
// (these are shared two-core machines) weighs on each alike; wall and CPU time both count.
const ROUND = 50;
const perPok = [];
const runs = {
  ours: { pages: 0, ms: 0, cpu: 0 },
  helvetica: { pages: 0, ms: 0, cpu: 0 },
  embedded: { pages: 0, ms: 0, cpu: 0 },
};

async function timed(kind, fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const pages = await fn();
  runs[kind].ms += performance.now() - t0;
  const c = process.cpuUsage(c0);
  runs[kind].cpu += (c.user + c.system) / 1000;
  runs[kind].pages += pages;
}

// warm up every path so JIT and first-use costs are not in the figures
for (let i = 0; i < 5; i++) {
  const n = pagesOf(await renderPok(pokData(i), tpl, { version: 1, generatedOn: '2026-08-20' }));
  await rawDoc(n, false, fontBuf);
  await rawDoc(n, true, fontBuf);
}

for (let start = 0; start < POKS; start += ROUND) {
  const end = Math.min(POKS, start + ROUND);
  await timed('ours', async () => {
    let pages = 0;
    for (let i = start; i < end; i++) {
      const n = pagesOf(await renderPok(pokData(i), tpl, { version: 1, generatedOn: '2026-08-20' }));
      perPok[i] = n;
      pages += n;
    }
    return pages;
  });
  for (const [kind, embedded] of [['helvetica', false], ['embedded', true]]) {
    await timed(kind, async () => {
      let pages = 0;
      for (let i = start; i < end; i++) pages += pagesOf(await rawDoc(perPok[i], embedded, fontBuf));
      return pages;
    });
  }
}

const wall = (r) => (r.pages / r.ms) * 1000;
const cpu = (r) => (r.pages / r.cpu) * 1000;
const line = (label, r) =>
  `${label} ${r.pages} pages: ${wall(r).toFixed(0)} pages/s wall, ${cpu(r).toFixed(0)} pages/s of CPU`;
console.log(line('ours (POKs):    ', runs.ours) + ` (${(runs.ours.ms / POKS).toFixed(1)} ms per POK)`);
for (const [kind, label] of [['helvetica', 'raw, Helvetica:'], ['embedded', 'raw, embedded: ']]) {
  const r = runs[kind];
  console.log(
    line(label + ' ', r) +
      `; ours/raw = ${(wall(runs.ours) / wall(r)).toFixed(2)} wall, ${(cpu(runs.ours) / cpu(r)).toFixed(2)} CPU (target >= 0.50)`,
  );
}

// the pool: whole generation (plan, render, record) from a database, 1 thread against 2
function seedDb(n) {
  const db = new Database(':memory:');
  db.exec(MIGRATIONS[0]);
  const set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  for (const [k, v] of Object.entries({
    'school.naam': 'ROC Midden-Brabant', 'school.brin': '25LH', 'school.adres': 'Stationsplein 1',
    'school.postcode': '5038 AA', 'school.plaats': 'Tilburg', 'school.telefoon': '013 123 45 00',
    'school.email': 'bws@roc-example.nl',
  })) set.run(k, v);
  const tx = db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const d = pokData(i);
      db.prepare('INSERT INTO students VALUES (?, ?, ?, ?, ?, ?)').run(
        d.student.studentnummer, d.student.voornaam, d.student.tussenvoegsel, d.student.achternaam,
        d.student.geboortedatum, d.student.email,
      );
      const cid = db
        .prepare('INSERT INTO companies (kvk, naam, adres, postcode, plaats) VALUES (?, ?, ?, ?, ?)')
        .run(d.leerbedrijf.kvk, d.leerbedrijf.naam, d.leerbedrijf.adres, d.leerbedrijf.postcode, d.leerbedrijf.plaats)
        .lastInsertRowid;
      db.prepare('INSERT INTO persons (email, naam, telefoon) VALUES (?, ?, ?)').run(
        d.praktijkopleider.email, d.praktijkopleider.naam, d.praktijkopleider.telefoon,
      );
      db.prepare(
        `INSERT INTO placements (plaatsing_id, studentnummer, company_id, opleiding, crebo, niveau, leerweg,
           praktijkopleider_email, startdatum, einddatum, uren_totaal, uren_per_week, leerdoelen)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        d.plaatsing_id, d.student.studentnummer, cid, d.opleiding.naam, d.opleiding.crebo, d.opleiding.niveau,
        d.opleiding.leerweg, d.praktijkopleider.email, d.periode.startdatum, d.periode.einddatum, d.uren.totaal,
        d.uren.per_week, d.leerdoelen,
      );
    }
  });
  tx();
  return db;
}

console.log(`\nrender threads (this one + workers; ${availableParallelism()} cores), ${POOL_PLACEMENTS} placements, generated from the database:`);
const timings = { 1: [], 2: [] };
for (const workers of [1, 2, 1, 2, 1, 2]) {
  const db = seedDb(POOL_PLACEMENTS);
  const t0 = performance.now();
  const results = await generatePoks(db, allPlacementIds(db), { today: '2026-08-20', workers });
  const ms = performance.now() - t0;
  db.close();
  const ok = results.filter((r) => r.status === 'generated').length;
  timings[workers].push(ms);
  console.log(`  threads=${workers}: ${ok} POKs in ${(ms / 1000).toFixed(1)} s = ${((ok / ms) * 1000).toFixed(1)} POKs/s`);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const best = (xs) => Math.min(...xs);
console.log(
  `  speed-up with 2 threads: ${(median(timings[1]) / median(timings[2])).toFixed(2)}x median, ` +
    `${(best(timings[1]) / best(timings[2])).toFixed(2)}x best of 3 (the best runs are the least disturbed by other load)`,
);
