#!/usr/bin/env node
// Large, synthetic input for benchmarks and load tests of bpv.
//
//   node bench/generate.mjs [--placements N] [--timesheets N] [--out DIR] [--seed S]
//
// Writes DIR/placements.csv (default 100,000 rows) and DIR/timesheets.csv (default 1,000,000
// rows), both with the canonical SPEC §2 headers, `,`, UTF-8 without BOM, LF, ISO dates and a
// decimal point. Plain ESM, no build step, no dependencies. Seeded: the same arguments give the
// same bytes. Output is streamed in chunks; no file is ever held in memory whole.
//
// The data: placements P-000001…, spread over ~5,000 companies (kvk numbers with and without
// leading zeros, some with a vestigingsnummer) and ~1,000 praktijkopleiders (each at ~5
// companies). Timesheets cover the first 25,000 placements (~40 weekday rows each, one row per
// placement per day), mostly valid and approved on time, with a sprinkling of rule breaks:
// 13-hour days, sick runs, weeks left in concept or ingediend, late approvals, corrections,
// work in a school holiday (BOL, regio midden) and a day before the startdatum.
//
// Also a module: import { generate, placementLines, timesheetLines, writeLines } from it.

import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PLACEMENT_COLUMNS = [
  'plaatsing_id', 'studentnummer', 'voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'email_student',
  'opleiding', 'crebo', 'niveau', 'leerweg', 'leerbedrijf', 'kvk', 'vestigingsnummer', 'adres', 'postcode', 'plaats',
  'praktijkopleider', 'email_praktijkopleider', 'telefoon_praktijkopleider', 'werkbegeleider', 'email_werkbegeleider',
  'bpv_begeleider', 'email_bpv_begeleider', 'startdatum', 'einddatum', 'uren_totaal', 'uren_per_week', 'leerdoelen',
  'vakantiewerk',
];
export const TIMESHEET_COLUMNS = ['plaatsing_id', 'datum', 'uren', 'soort', 'werkzaamheden', 'status', 'ingediend_op', 'goedgekeurd_op', 'goedgekeurd_door'];

export const DEFAULTS = { placements: 100_000, timesheets: 1_000_000, seed: 20261124, companies: 5_000, praktijkopleiders: 1_000, timesheetPlacements: 25_000 };

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function createRng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Calendar: day numbers (days since 1970-01-01) and a table of their ISO strings, so the hot
// loop never builds a Date.

const DAY = 86_400_000;
const dayNumber = (iso) => Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY);
const FIRST_DAY = dayNumber('1985-01-01');
const LAST_DAY = dayNumber('2030-12-31');
const ISO = [];
for (let d = FIRST_DAY; d <= LAST_DAY; d++) ISO.push(new Date(d * DAY).toISOString().slice(0, 10));
const isoOf = (d) => ISO[d - FIRST_DAY];
const weekday = (d) => (d + 3) % 7; // 0 = Monday (1970-01-01 was a Thursday)
// School holidays of regio midden (as in data/schoolvakanties.json): BOL rows avoid them.
const HOLIDAY = new Uint8Array(LAST_DAY - FIRST_DAY + 1);
for (const [a, b] of [['2025-10-18', '2025-10-26'], ['2025-12-20', '2026-01-04'], ['2026-02-14', '2026-02-22'],
  ['2026-04-25', '2026-05-03'], ['2026-07-18', '2026-08-30'], ['2026-10-17', '2026-10-25'], ['2026-12-19', '2027-01-03']]) {
  for (let d = dayNumber(a); d <= dayNumber(b); d++) HOLIDAY[d - FIRST_DAY] = 1;
}
const isHoliday = (d) => HOLIDAY[d - FIRST_DAY] === 1;
const TS_LAST_DAY = dayNumber('2026-11-20'); // the last day with timesheet rows (a Friday)
const AS_OF = dayNumber('2026-11-24');
const daysPerWeek = (upw) => (upw >= 40 ? 5 : upw >= 32 ? 4 : upw >= 24 ? 3 : 2);

/** The hours of the schedule over the period (BOL: not in school holidays), less 5%, rounded down to 8. */
function plannedHours(start, end, upw, bbl) {
  const perWeek = daysPerWeek(upw);
  let days = 0;
  for (let d = start; d <= end; d++) if (weekday(d) < perWeek && (bbl || !isHoliday(d))) days++;
  return Math.floor((days * (upw / perWeek) * 0.95) / 8) * 8;
}

/** How many timesheet rows placement i gets: N spread evenly over the first 25,000 placements. */
function rowsFor(i, opts) {
  const holders = Math.min(opts.placements, opts.timesheetPlacements);
  if (i >= holders || opts.timesheets === 0) return 0;
  return Math.floor(opts.timesheets / holders) + (i < opts.timesheets % holders ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const VOORNAMEN = ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Mila', 'Finn', 'Tess', 'Levi', 'Sophie', 'Noah', 'Zoë', 'Milan', 'Sara', 'Liam', 'Anna', 'Bram', 'Noor', 'Thijs', 'Eva', 'Mohamed', 'Yasmina', 'Emre', 'Inès', 'Noël', 'Anaïs', 'Łukasz', 'Marĳke'];
const TUSSENVOEGSELS = ['', '', '', '', 'van', 'de', 'van der', 'van den', 'ten', "'t"];
const ACHTERNAMEN = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Brouwer', 'Dijkstra', 'Çelik', 'Yılmaz', 'El Amrani', 'Kowalski', 'Nguyen', 'Öztürk'];
const OPLEIDINGEN = [
  ['Verzorgende IG', '25656', 3], ['Pedagogisch medewerker kinderopvang', '25603', 3], ['Medewerker ICT', '25604', 2],
  ['Kok', '25180', 2],
];
const PLAATSEN = ['Utrecht', 'Amersfoort', 'Nieuwegein', 'Houten', 'Zeist', 'Leusden', 'Woerden', 'Veenendaal', 'Gouda', "'s-Hertogenbosch"];
const STRATEN = ['Dorpsstraat', 'Kerkstraat', 'Stationsweg', 'Molenweg', 'Industrieweg', 'Schoolstraat', 'Julianalaan', 'Beatrixlaan'];
const BEDRIJFSSOORT = ['Zorggroep', 'Kinderopvang', 'ICT Services', 'Brasserie', 'Thuiszorg', 'BSO', 'Automatisering', 'Lunchroom'];
const WERK = ['Cliënten ondersteund bij ADL', 'Rapportage bijgewerkt', 'Dagprogramma uitgevoerd', 'Tickets afgehandeld', 'Mise-en-place', 'Werkplekken geïnstalleerd', 'Activiteit begeleid', 'Overdracht gegeven', 'Teamoverleg'];
const LEERDOELEN = ['Werkproces B1-K1-W1, B1-K1-W2', 'Zelfstandig werken volgens planning', 'Rapporteren en overdragen', 'Werkproces B1-K2-W1 "Werkt samen"'];
const UREN_PER_WEEK = [16, 24, 24, 32, 32, 32, 36, 40];
const SCHOOL = 'roc-voorbeeld.nl';

/** Quote a CSV value only when it needs it (`,`, `"` or a newline). */
function q(v) {
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const pad = (n, width) => String(n).padStart(width, '0');

/** Company c (0-based): name, kvk (a bijection of c mod 10^8, so unique; ~10% with a leading zero), … */
export function company(c) {
  const kvk = pad((c * 19_997 + 1_234_567) % 100_000_000, 8);
  const vest = c % 3 === 0 ? pad((c * 7_919 + 100_000_000) % 1_000_000_000_000, 12) : '';
  const plaats = PLAATSEN[c % PLAATSEN.length];
  return {
    naam: `${BEDRIJFSSOORT[c % BEDRIJFSSOORT.length]} ${plaats} ${c + 1} B.V.`,
    kvk, vest,
    adres: `${STRATEN[c % STRATEN.length]} ${(c % 180) + 1}`,
    postcode: `${1000 + ((c * 37) % 9000)} ${String.fromCharCode(65 + (c % 26))}${String.fromCharCode(65 + ((c * 7) % 26))}`,
    plaats,
  };
}

/** Placement i (0-based): its period, schedule and the values of PLACEMENT_COLUMNS. */
function placementValues(i, rnd, opts) {
  const id = `P-${pad(i + 1, 6)}`;
  const studentnummer = pad(2_000_000 + i, 7);
  const c = Math.floor(rnd() * opts.companies);
  const comp = company(c);
  const po = c % opts.praktijkopleiders;
  const [opleiding, crebo, niveau] = OPLEIDINGEN[c % OPLEIDINGEN.length];
  const bbl = rnd() < 0.3;
  const upw = bbl ? pick(rnd, [24, 32, 32, 36, 40]) : pick(rnd, UREN_PER_WEEK);
  const rows = rowsFor(i, opts);
  let start;
  let weeks = bbl ? 44 : 16 + Math.floor(rnd() * 6) * 4;
  if (rows > 0) {
    // Its timesheet rows end on Friday 2026-11-20 (the data set's "today" is 2026-11-24): count
    // back that many working days to find the Monday it starts on; it goes on after today.
    const perWeek = daysPerWeek(upw);
    let d = TS_LAST_DAY;
    for (let left = rows; ; d--) {
      if (weekday(d) < perWeek && !(bbl === false && isHoliday(d)) && --left === 0) break;
    }
    start = d - weekday(d);
    weeks = Math.ceil((TS_LAST_DAY - start) / 7) + 4 + Math.floor(rnd() * 16);
  } else {
    // Placements without timesheets start after today, so they are not behind on hours.
    start = dayNumber(pick(rnd, ['2026-11-30', '2027-01-04', '2027-02-01']));
  }
  const end = start - weekday(start) + weeks * 7 - 3; // a Friday
  const birth = start - Math.floor((16 + rnd() * 12) * 365.25);
  return {
    id, start, end, upw, bbl, poName: `Praktijkopleider ${po + 1}`, values: [
      id, studentnummer, pick(rnd, VOORNAMEN), pick(rnd, TUSSENVOEGSELS), pick(rnd, ACHTERNAMEN), isoOf(birth),
      `${studentnummer}@student.${SCHOOL}`, opleiding, crebo, String(niveau), bbl ? 'BBL' : 'BOL', comp.naam, comp.kvk,
      comp.vest, comp.adres, comp.postcode, comp.plaats, `Praktijkopleider ${po + 1}`,
      `po${po + 1}@leerbedrijf${po + 1}.example.nl`, `06-${pad(10_000_000 + po * 37, 8)}`,
      ...(rnd() < 0.5 ? [`Werkbegeleider ${c + 1}`, `werkbegeleider@leerbedrijf${c + 1}.example.nl`] : ['', '']),
      ...(rnd() < 0.8 ? [`BPV-begeleider ${(i % 200) + 1}`, `bpv${(i % 200) + 1}@${SCHOOL}`] : ['', '']),
      isoOf(start), isoOf(end), String(plannedHours(start, end, upw, bbl)), String(upw), pick(rnd, LEERDOELEN), rnd() < 0.03 ? 'ja' : 'nee',
    ],
  };
}

/** CSV lines (without line end) of `n` placements. Deterministic for a seed. */
export function* placementLines({ placements = DEFAULTS.placements, timesheets = DEFAULTS.timesheets, seed = DEFAULTS.seed,
  companies = DEFAULTS.companies, praktijkopleiders = DEFAULTS.praktijkopleiders, timesheetPlacements = DEFAULTS.timesheetPlacements } = {}) {
  const rnd = createRng(seed);
  const opts = { placements, timesheets, companies, praktijkopleiders, timesheetPlacements };
  for (let i = 0; i < placements; i++) yield placementValues(i, rnd, opts).values.map(q).join(',');
}

/**
 * CSV lines of `timesheets` rows over the first min(placements, timesheetPlacements) placements
 * (re-deriving those placements from the same seed, so the rows fit their periods).
 */
export function* timesheetLines({ placements = DEFAULTS.placements, timesheets = DEFAULTS.timesheets, seed = DEFAULTS.seed,
  companies = DEFAULTS.companies, praktijkopleiders = DEFAULTS.praktijkopleiders, timesheetPlacements = DEFAULTS.timesheetPlacements } = {}) {
  const holders = Math.min(placements, timesheetPlacements);
  if (holders === 0 || timesheets === 0) return;
  const prnd = createRng(seed);
  const rnd = createRng(seed ^ 0x9e3779b9);
  const opts = { placements, timesheets, companies, praktijkopleiders, timesheetPlacements };
  for (let i = 0; i < holders; i++) {
    const p = placementValues(i, prnd, opts);
    let rows = rowsFor(i, opts);
    const perWeek = daysPerWeek(p.upw);
    const hours = String(p.upw / perWeek);
    const sickFrom = rnd() < 0.02 ? 10 + Math.floor(rnd() * 10) : -1; // a run of 5 sick days
    let d = p.start;
    if (rnd() < 0.002) d -= 3; // a day before the startdatum
    let n = 0;
    let weekMonday = -1;
    let week = null; // status fields of the current week
    while (rows > 0) {
      const wd = weekday(d);
      const holiday = !p.bbl && isHoliday(d);
      if (wd < perWeek && (!holiday || rnd() < 0.01)) {
        const monday = d - wd;
        if (monday !== weekMonday) {
          weekMonday = monday;
          const r = rnd();
          const friday = isoOf(monday + 4);
          if (r < 0.01) week = ['concept', '', '', ''];
          else if (r < 0.02) week = ['ingediend', friday, '', ''];
          else if (r < 0.025) week = ['correctie', friday, '', ''];
          else if (r < 0.04 && monday + 10 <= AS_OF) week = ['goedgekeurd', friday, isoOf(monday + 10), p.poName]; // late
          else week = ['goedgekeurd', friday, isoOf(monday + (r < 0.5 ? 4 : 7)), p.poName];
        }
        let uren = hours;
        let soort = 'gewerkt';
        let werk = WERK[(i + n) % WERK.length];
        if (n >= sickFrom && n < sickFrom + 5 && sickFrom >= 0) {
          soort = 'ziek';
          werk = 'Ziek gemeld';
        } else if (rnd() < 0.003) {
          uren = '13'; // max-uren-dag (and usually overwerk)
        } else if (rnd() < 0.01) {
          soort = 'afwezig';
          werk = 'Afwezig, afspraak huisarts';
        }
        yield `${p.id},${isoOf(d)},${uren},${soort},${q(werk)},${week[0]},${week[1]},${week[2]},${week[3]}`;
        rows--;
        n++;
      }
      d++;
    }
  }
}

/** Stream lines to a file in large chunks, honouring backpressure. Resolves with the line count. */
export async function writeLines(file, header, lines) {
  const out = createWriteStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const done = new Promise((resolve, reject) => {
    out.on('error', reject);
    out.on('finish', resolve);
  });
  let buf = `${header.join(',')}\n`;
  let count = 0;
  for (const line of lines) {
    buf += `${line}\n`;
    count++;
    if (buf.length >= 1 << 19) {
      if (!out.write(buf)) await new Promise((resolve) => out.once('drain', resolve));
      buf = '';
    }
  }
  out.end(buf);
  await done;
  return count;
}

/** Write DIR/placements.csv and DIR/timesheets.csv; resolves with counts and timings. */
export async function generate(options = {}) {
  const opts = { ...DEFAULTS, out: 'bench/out', ...options };
  mkdirSync(opts.out, { recursive: true });
  const t0 = performance.now();
  const placements = await writeLines(path.join(opts.out, 'placements.csv'), PLACEMENT_COLUMNS, placementLines(opts));
  const t1 = performance.now();
  const timesheets = await writeLines(path.join(opts.out, 'timesheets.csv'), TIMESHEET_COLUMNS, timesheetLines(opts));
  const t2 = performance.now();
  return { out: opts.out, placements, timesheets, placementsMs: t1 - t0, timesheetsMs: t2 - t1 };
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const count = () => {
      const v = value().replaceAll('_', '');
      if (!/^\d+$/.test(v)) throw new Error(`${arg}: "${v}" is not a whole number`);
      return Number(v);
    };
    if (arg === '--placements') opts.placements = count();
    else if (arg === '--timesheets') opts.timesheets = count();
    else if (arg === '--seed') opts.seed = count();
    else if (arg === '--out') opts.out = value();
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`generate: ${err.message}\nusage: node bench/generate.mjs [--placements N] [--timesheets N] [--out DIR] [--seed S]\n`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write('usage: node bench/generate.mjs [--placements N] [--timesheets N] [--out DIR] [--seed S]\n');
  } else {
    const r = await generate(opts);
    process.stderr.write(
      `${r.out}/placements.csv: ${r.placements} rows in ${(r.placementsMs / 1000).toFixed(2)} s; ` +
        `${r.out}/timesheets.csv: ${r.timesheets} rows in ${(r.timesheetsMs / 1000).toFixed(2)} s\n`,
    );
  }
}

export const HERE = path.dirname(fileURLToPath(import.meta.url));
