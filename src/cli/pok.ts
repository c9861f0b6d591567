// bpv pok generate | sign | status (SPEC §5). pdfkit loads only when something is rendered.
import { Option, type Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { todayIso } from '../domain/dates.js';
import { BpvError, EXIT, UsageError } from '../errors.js';
import { fmtDate, lang } from '../i18n/lang.js';
import { msg } from '../i18n/messages.js';
import { peopleCsv, parseDialect } from '../output/csv.js';
import type { PokStatusEntry } from '../pok/index.js';
import type { Cli } from './main.js';
import { withDb } from './context.js';
import { onInterrupt } from './interrupt.js';
import { json, type Io } from './io.js';
import { isoDateFlag } from './placements.js';
import { table } from './table.js';

interface GenerateFlags {
  all?: boolean;
  out: string;
  split?: boolean;
  template?: string;
  force?: boolean;
}

export function registerPok(program: Command, cli: Cli): void {
  const io = cli.io;
  const group = program.command('pok').description("de praktijkovereenkomst: genereren in drievoud, tekenen, volgen");
  group
    .command('generate')
    .description('maak de POK (PDF, drie exemplaren) van plaatsingen')
    .argument('[id...]', 'plaatsing_id(s)')
    .option('--all', "alle plaatsingen waarvan de POK ontbreekt of verouderd is")
    .option('--out <map>', 'waar de PDF\'s komen', 'pok')
    .option('--split', 'drie losse bestanden per plaatsing in plaats van één')
    .option('--template <bestand>', 'eigen sjabloon voor de artikelen (standaard templates/pok.md)')
    .option('--force', 'ook genereren als het leerbedrijf niet erkend is voor de opleiding')
    .action(cli.run(async (ids: string[], o: GenerateFlags, cmd: Command) => {
      if (!o.all && !ids.length) throw new UsageError(msg().pokNothingToGenerate());
      if (o.all && ids.length) throw new UsageError(msg().pokAllOrIds());
      const { generatePoksIter, loadPokTemplate, pokStatus, writePokFiles } = await import('../pok/index.js');
      const template = loadPokTemplate(o.template);
      const out = path.resolve(o.out);
      // a folder that cannot take the files is said before any version is recorded (made only
      // when the first file is written: a refused run leaves no folder behind)
      const unusable = outDirProblem(out);
      if (unusable) throw new UsageError(msg().pokOutUnusable(out, unusable));
      return withDb(cmd, true, async (db) => {
        // a mistyped id is a usage error, as for pok sign and validate --placement, before anything is made
        const [{ missingPlacementIds }, { ruleNote }] = await Promise.all([import('../db/placements.js'), import('../i18n/rule-notes.js')]);
        const missing = o.all ? [] : missingPlacementIds(db, ids);
        if (missing.length) throw new UsageError(ruleNote.unknownPlacements(missing, lang()));
        const wanted = o.all ? pokStatus(db).filter((s) => s.version === null || s.outdated).map((s) => s.placement) : ids;
        const bar = o.all ? await progress(io, wanted.length) : undefined;
        const counts = { generated: 0, unchanged: 0, refused: 0 };
        let done = 0;
        // Ctrl-C waits for the POK being written: its version is recorded with its file
        onInterrupt(() => io.err(io.ce.yellow(msg().pokInterrupted())));
        for await (const r of generatePoksIter(db, wanted, { today: todayIso(), template, force: !!o.force, split: !!o.split })) {
          bar?.update(++done);
          if (r.status === 'refused') {
            counts.refused++;
            io.err(io.ce.red(r.message));
            continue;
          }
          counts[r.status]++;
          let files: string[];
          try {
            files = writePokFiles(r, out);
          } catch (e) {
            // the version is recorded: the same command again writes the same bytes
            throw new BpvError(msg().pokFileFailed(r.placement, r.version, (e as NodeJS.ErrnoException).code ?? String(e)), EXIT.partial);
          }
          for (const n of r.notices) io.err(io.ce.yellow(n.message));
          if (!bar) io.err(msg().pokWritten(r.placement, r.version, r.status === 'unchanged', files.map((f) => path.relative(process.cwd(), f) || f)));
        }
        bar?.stop();
        io.err(msg().pokSummary(counts, path.relative(process.cwd(), out) || out));
        return counts.refused ? EXIT.partial : EXIT.ok;
      });
    }));
  group
    .command('sign')
    .description('leg een ontvangen handtekening vast voor de huidige versie')
    .argument('<id>', 'plaatsing_id')
    .addOption(new Option('--party <partij>', 'wie tekende').choices(['student', 'ouder', 'leerbedrijf', 'school']).makeOptionMandatory())
    .option('--date <datum>', 'datum van de handtekening (standaard vandaag)')
    .option('--name <naam>', 'naam van wie tekende')
    .action(cli.run(async (id: string, o: { party: string; date?: string; name?: string }, cmd: Command) => {
      const { signPok } = await import('../pok/index.js');
      const r = await withDb(cmd, true, (db) =>
        signPok(db, id, o.party, { today: todayIso(), date: isoDateFlag('--date', o.date), name: o.name ?? null }));
      io.err(msg().pokSigned(r.placement, r.version, r.party, fmtDate(r.signed_on), r.fully_signed ? fmtDate(r.fully_signed) : null));
      if (r.outdated) io.err(io.ce.yellow(msg().pokSignedOutdated(r.placement)));
    }));
  group
    .command('status')
    .description('de POK van elke plaatsing: versie, handtekeningen, volledig getekend, verouderd')
    .option('--unsigned', 'alleen POK\'s die ontbreken, niet volledig getekend of verouderd zijn')
    .addOption(new Option('--format <vorm>', 'uitvoer').choices(['table', 'json', 'csv']).default('table'))
    .addOption(new Option('--csv-dialect <dialect>', 'excel of rfc4180').choices(['excel', 'rfc4180']).default('excel'))
    .action(cli.run(async (o: { unsigned?: boolean; format: string; csvDialect: string }, cmd: Command) => {
      const { pokStatus } = await import('../pok/index.js');
      const rows = await withDb(cmd, false, (db) => pokStatus(db, { unsigned: !!o.unsigned }));
      if (o.format === 'json') return io.out(json(rows.map(statusJson)));
      if (o.format === 'csv') return void process.stdout.write(statusCsv(rows, o.csvDialect));
      io.out(table(['plaatsing', 'versie', 'gemaakt', 'student', 'leerbedrijf', 'school', 'ouder', 'volledig getekend', 'let op'],
        rows.map((s) => [s.placement, s.version ?? '–', fmtDate(s.generated), sig(s, 'student'), sig(s, 'leerbedrijf'), sig(s, 'school'),
          s.required.includes('ouder') ? sig(s, 'ouder') : io.c.dim(msg().notApplicable()), fmtDate(s.fully_signed),
          [s.version === null ? io.c.red('ontbreekt') : '', s.outdated ? io.c.yellow('verouderd') : '', s.beeindigd_reden ? `beëindigd (${s.beeindigd_reden})` : '']
            .filter(Boolean).join(', ')])));
    }));
}

const sig = (s: PokStatusEntry, party: 'student' | 'leerbedrijf' | 'school' | 'ouder') => fmtDate(s.signed[party] ?? null) || '–';

/** SPEC §5's JSON keys first, in its order; the end of a broken-off BPV beside them. */
function statusJson(s: PokStatusEntry) {
  return {
    placement: s.placement, version: s.version, generated: s.generated, required: s.required, signed: s.signed,
    fully_signed: s.fully_signed, outdated: s.outdated, beeindigd_op: s.beeindigd_op, beeindigd_reden: s.beeindigd_reden,
  };
}

function statusCsv(rows: PokStatusEntry[], dialect: string): string {
  return peopleCsv(
    [{ header: 'plaatsing' }, { header: 'versie', kind: 'number' }, { header: 'gemaakt', kind: 'date' }, { header: 'vereist' },
      { header: 'student', kind: 'date' }, { header: 'leerbedrijf', kind: 'date' }, { header: 'school', kind: 'date' },
      { header: 'ouder', kind: 'date' }, { header: 'volledig_getekend', kind: 'date' }, { header: 'verouderd' }, { header: 'beeindigd_op', kind: 'date' }, { header: 'beeindigd_reden' }],
    rows.map((s) => [s.placement, s.version, s.generated, s.required.join(' '), s.signed.student ?? null, s.signed.leerbedrijf ?? null,
      s.signed.school ?? null, s.signed.ouder ?? null, s.fully_signed, s.outdated ? 'ja' : 'nee', s.beeindigd_op, s.beeindigd_reden]),
    parseDialect(dialect),
  );
}

async function progress(io: Io, total: number): Promise<{ update: (n: number) => void; stop: () => void } | undefined> {
  if (!io.stderrIsTty || total < 2) return undefined;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar({ stream: process.stderr, format: "POK's [{bar}] {value}/{total} | {eta_formatted}", hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  bar.start(total, 0);
  return { update: (n) => bar.update(n), stop: () => bar.stop() };
}

/** Why files cannot be written into `dir` (made where missing), or undefined when they can. */
function outDirProblem(dir: string): string | undefined {
  let d = dir;
  while (!fs.existsSync(d) && path.dirname(d) !== d) d = path.dirname(d);
  if (!fs.statSync(d).isDirectory()) return 'ENOTDIR';
  try {
    fs.accessSync(d, fs.constants.W_OK);
  } catch {
    return 'EACCES';
  }
  return undefined;
}
