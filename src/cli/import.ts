// bpv import <kind> FILE
import { Argument, type Command } from 'commander';
import fs from 'node:fs';
import { EXIT, UsageError } from '../errors.js';
import { msg } from '../i18n/messages.js';
import type { ImportKind, ImportSummary, RowError } from '../import/run.js';
import type { Cli } from './main.js';
import { askMapping } from './ask-mapping.js';
import { importDb } from './context.js';
import { onInterrupt } from './interrupt.js';
import { json, type Io } from './io.js';
import { shellArg } from '../util/shell-arg.js';

const KINDS = ['placements', 'timesheets', 'holidays', 'recognitions'] as const;
type Kind = (typeof KINDS)[number];

async function kindModule(kind: Kind): Promise<ImportKind<any>> {
  const registry = (await import('../import/kinds.js')).IMPORT_KINDS as Partial<Record<Kind, ImportKind<any>>>;
  const k = registry[kind];
  if (!k) throw new UsageError(msg().importKindUnknown(kind));
  return k;
}

interface ImportFlags {
  delimiter?: string;
  encoding?: string;
  map?: string[];
  rejectFile?: string;
  strict?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function registerImport(program: Command, cli: Cli): void {
  program
    .command('import')
    .description('importeer plaatsingen, uren, schoolvakanties of erkenningen uit CSV')
    .addArgument(new Argument('<soort>', 'placements | timesheets | holidays | recognitions').choices(KINDS))
    .argument('<bestand>', 'CSV-bestand, of - voor standaardinvoer')
    .option('--delimiter <teken>', 'scheidingsteken: , ; of tab (standaard: herkend)')
    .option('--encoding <tekenset>', 'utf8 of windows-1252 (standaard: herkend)')
    .option('--map <kolom=Kopregel>', 'koppel een kopregel aan een kolom (herhaalbaar)', collect)
    .option('--reject-file <pad>', 'schrijf afgekeurde regels, zoals ze waren, met een kolom fout')
    .option('--strict', 'sla niets op als er ook maar één regel is afgekeurd')
    .option('--dry-run', 'controleer en tel alles, sla niets op')
    .option('--json', 'samenvatting als JSON op stdout')
    .action(cli.run(async (kind: Kind, file: string, flags: ImportFlags, cmd: Command) => {
      const io = cli.io;
      const importKind = await kindModule(kind);
      const { runImport } = await import('../import/run.js');
      const bar = await progressBar(io);
      const db = importDb(cmd, !!flags.dryRun);
      let summary: ImportSummary | undefined;
      // Ctrl-C: the reject file being written goes with the transaction
      const rejectTemp = flags.rejectFile ? (await import('../import/reject-file.js')).rejectTempFile(flags.rejectFile) : undefined;
      const uninterrupt = onInterrupt(() => {
        if (rejectTemp) fs.rmSync(rejectTemp, { force: true });
        io.err(io.ce.yellow(msg().interrupted()));
      });
      try {
        summary = await runImport(db.open, importKind, file, {
          delimiter: flags.delimiter,
          encoding: flags.encoding,
          map: flags.map,
          rejectFile: flags.rejectFile,
          strict: flags.strict,
          dryRun: flags.dryRun,
          progress: bar?.update,
          // the question is drawn on stderr: with that in a file the clerk would wait on a blank screen
          askMapping: io.stdinIsTty && io.stderrIsTty && file !== '-' ? askMapping : undefined,
        });
      } catch (e) {
        db.close(true);
        throw e;
      } finally {
        uninterrupt();
        bar?.stop();
        // --strict that refused the file: a database this import created holds nothing of it
        db.close(summary !== undefined && !summary.written);
      }
      renderSummary(io, summary, flags);
      return summary.rejected > 0 ? EXIT.partial : EXIT.ok;
    }));
}

async function progressBar(io: Io): Promise<{ update: (done: number, total: number) => void; stop: () => void } | undefined> {
  if (!io.stderrIsTty) return undefined;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar({ stream: process.stderr, format: 'importeren [{bar}] {percentage}% | {eta_formatted}', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  let started = false;
  return {
    update: (done, total) => {
      if (!total) return;
      if (!started) { bar.start(total, 0); started = true; }
      bar.update(Math.min(done, total));
    },
    stop: () => { if (started) bar.stop(); },
  };
}

const MAX_ERRORS_SHOWN = 50;
const MAX_WARNINGS_SHOWN = 10;

function errorLine(io: Io, e: RowError): string {
  return `  ${io.ce.red(msg().rowError(e.line, e.column, e.message))}`;
}

export function renderSummary(io: Io, s: ImportSummary, flags: { json?: boolean | undefined; rejectFile?: string | undefined; strict?: boolean | undefined }): void {
  if (flags.json) {
    io.out(json({
      read: s.read, inserted: s.inserted, updated: s.updated, unchanged: s.unchanged, rejected: s.rejected,
      errors: s.errors, warnings: s.warnings, unknown_columns: s.unknown_columns, dry_run: s.dry_run, written: s.written,
      records_changed: s.records_changed,
    }));
  }
  const m = msg();
  const lines: string[] = [];
  for (const e of s.errors.slice(0, MAX_ERRORS_SHOWN)) lines.push(errorLine(io, e));
  if (s.errors.length > MAX_ERRORS_SHOWN) lines.push(`  ${m.summaryMoreErrors(s.errors.length - MAX_ERRORS_SHOWN)}`);
  if (s.warnings.length) {
    lines.push(io.ce.yellow(m.summaryWarnings(s.warnings.length)));
    for (const w of s.warnings.slice(0, MAX_WARNINGS_SHOWN)) lines.push(`  ${io.ce.yellow(m.rowWarning(w.line, w.column, w.message))}`);
    if (s.warnings.length > MAX_WARNINGS_SHOWN) lines.push(`  ${m.summaryMoreWarnings(s.warnings.length - MAX_WARNINGS_SHOWN)}`);
  }
  if (s.unknown_columns.length) lines.push(m.summaryUnknownColumns(s.unknown_columns));
  lines.push(io.ce.bold(m.summaryLine(s)));
  if (s.records_changed > 0) lines.push(m.summaryRecordsChanged(s.records_changed));
  if (s.dry_run) lines.push(m.summaryDryRun());
  else if (flags.strict && s.rejected > 0) lines.push(io.ce.red(m.summaryStrict(s.rejected)));
  else if (s.read > 0 && s.inserted === 0 && s.updated === 0 && s.rejected === 0) lines.push(m.summaryNothingChanged());
  if (flags.rejectFile && s.rejected > 0) lines.push(m.summaryRejectFile(flags.rejectFile, s.rejected));
  else if (flags.rejectFile) lines.push(m.summaryRejectFileEmpty(flags.rejectFile));
  if (s.map_used?.length) lines.push(m.summaryMapUsed(s.map_used.map(mapFlagForShell)));
  io.err(lines.join('\n'));
}

/** `kolom=Kopregel` as the --map flag to type in a shell: the header quoted so that it stays one argument */
export function mapFlagForShell(flag: string): string {
  const at = flag.indexOf('=');
  return `--map ${flag.slice(0, at)}=${shellArg(flag.slice(at + 1))}`;
}
