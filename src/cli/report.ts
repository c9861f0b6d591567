// bpv report monthly: each praktijkopleider's month (SPEC §6), as PDF, CSV or JSON. The flags
// are checked here; the work is in report-run.ts, loaded when the command runs.
import { Option, type Command } from 'commander';
import { todayIso } from '../domain/dates.js';
import { UsageError } from '../errors.js';
import { reportMsg } from '../i18n/report.js';
import { parseDialect } from '../output/csv.js';
import { startReportThread, type ReportThread } from '../report/thread.js';
import { parseMonth, type ReportMonth } from '../report/month.js';
import type { Cli } from './main.js';
import { withDb } from './context.js';
import { isoDateFlag } from './placements.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export interface ReportFlags {
  month?: string;
  praktijkopleider?: string[];
  format: 'pdf' | 'csv' | 'json';
  out: string;
  asOf?: string;
  csvDialect?: string;
}

/** Flags checked before the database is opened: a bad --month is exit 2 even without one. */
export function checkReportFlags(f: ReportFlags): { month: ReportMonth; asOf: string } {
  if (f.month === undefined) throw new UsageError(reportMsg().noMonth());
  const month = parseMonth(f.month);
  parseDialect(f.csvDialect);
  return { month, asOf: isoDateFlag('--as-of', f.asOf) ?? todayIso() };
}

/**
 * The report's second thread, for every praktijkopleider's month (its scans) or for CSV files
 * (their writes); null when the run needs none.
 */
export function reportThread(f: ReportFlags): ReportThread | null {
  return !f.praktijkopleider?.length || f.format === 'csv' ? startReportThread() : null;
}

export function registerReport(program: Command, cli: Cli): void {
  const group = program.command('report').description('rapportages voor praktijkopleiders');
  group
    .command('monthly')
    .description('maandrapportage per praktijkopleider: uren per week, voortgang, meldingen en wat te doen')
    .option('--month <JJJJ-MM>', 'de maand, bv. 2026-11 (verplicht)')
    .option('--praktijkopleider <email>', 'alleen deze praktijkopleider (herhaalbaar; standaard iedereen met een plaatsing in de maand)', collect)
    .addOption(new Option('--format <vorm>', 'uitvoer: bestanden (pdf, csv) of JSON op stdout').choices(['pdf', 'csv', 'json']).default('pdf'))
    .option('--out <map>', 'map voor de bestanden en index.csv', 'rapportages')
    .option('--as-of <datum>', 'peildatum voor de meldingen (standaard vandaag)')
    .addOption(new Option('--csv-dialect <dialect>', 'excel (; en DD-MM-JJJJ) of rfc4180 (, en ISO)').choices(['excel', 'rfc4180']).default('excel'))
    .action(cli.run(async (o: ReportFlags, cmd: Command) => {
      checkReportFlags(o);
      // a script that asked for a folder gets a word on stderr, its stdout stays the JSON
      if (o.format === 'json' && cmd.getOptionValueSource('out') === 'cli') cli.io.err(cli.io.ce.dim(reportMsg().jsonIgnoresOut(o.out)));
      // the second thread starts up while this one loads the report's modules
      const thread = reportThread(o);
      try {
        const { buildReports, emitReports } = await import('./report-run.js');
        const built = await withDb(cmd, false, (db) => buildReports(db, o, thread));
        return await emitReports(cli.io, built, o);
      } catch (e) {
        void thread?.abort();
        throw e;
      }
    }));
}
