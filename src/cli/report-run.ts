// What `bpv report monthly` does once its flags are checked (report.ts): read the month's
// reports, then print the JSON or write the files. Loaded when the command runs; the demo runs
// it too.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open.js';
import { getSetting } from '../db/settings.js';
import { EXIT, UsageError } from '../errors.js';
import { lang } from '../i18n/lang.js';
import { reportMsg, type WriteRefusal } from '../i18n/report.js';
import { parseDialect } from '../output/csv.js';
import { openReportFiles, type FileFormat, type ReportFiles } from '../report/files.js';
import { syncWriter, type ReportThread } from '../report/thread.js';
import { reportJson, type PoReport } from '../report/model.js';
import type { ReportMonth } from '../report/month.js';
import { readMonthlyReports, type MonthlyReports } from '../report/monthly.js';
import type { PdfSchool } from '../report/pdf.js';
import { unknownPraktijkopleiders } from '../db/placements.js';
import type { Io } from './io.js';
import { checkReportFlags, reportThread, type ReportFlags } from './report.js';
import { onInterrupt } from './interrupt.js';

export interface BuiltReports {
  month: ReportMonth;
  asOf: string;
  reports: MonthlyReports;
  /** the validator's notes: rules that could not run, and why */
  notes: string[];
  school: PdfSchool;
  /** the report's second thread, if it has one: it read the hours and writes the CSV files */
  thread: ReportThread | null;
  /** --out, opened while the hours were read on that thread (CSV of everyone) */
  files: ReportFiles | null;
}

/**
 * The month's reports from an open database: what the command and the demo share. `thread`:
 * the report's second thread when the caller started it already (see reportThread).
 */
export async function buildReports(db: Db, f: ReportFlags, thread: ReportThread | null = reportThread(f)): Promise<BuiltReports> {
  const { month, asOf } = checkReportFlags(f);
  const pos = f.praktijkopleider ?? [];
  if (pos.length) {
    const unknown = unknownPraktijkopleiders(db, pos);
    if (unknown.length) {
      void thread?.abort();
      throw new UsageError(reportMsg().unknownPo(unknown));
    }
  }
  let notes: string[] = [];
  let files: ReportFiles | null = null;
  // CSV: the files are made while that thread reads the hours
  const announce = (emails: readonly string[]) => {
    const opened = openFiles(f, 'csv', thread);
    writing(f.out, () => opened.create(month.month, emails));
    files = opened;
  };
  // the PDF is a document for the praktijkopleider: Dutch whatever --lang says, as the POK;
  // the JSON is for scripts and speaks the run's language
  const docLang = f.format === 'pdf' ? 'nl' : lang();
  let reports: MonthlyReports;
  try {
    // the validator (the rules, their modules) only for the formats that show findings
    const { runValidation } = f.format === 'csv' ? { runValidation: null } : await import('./validation.js');
    reports = await readMonthlyReports(db, {
      month,
      asOf,
      lang: docLang,
      praktijkopleiders: pos,
      // The CSV is the hours sheet, without findings and POK state: it skips the validator's and
      // the POK module's passes over every placement.
      ...(f.format === 'csv'
        ? { pok: false as const, openOutside: false }
        : {
            findings: (ids: string[]) => {
              if (ids.length === 0) return [];
              // Findings whose day or week overlaps the month, and the placement findings: exactly
              // what `bpv validate --from <first> --to <last>` gives, with the same as-of. Of the
              // report's placements only, so that the notes (placements without a date of birth)
              // are about them too, not about every placement ever imported.
              const r = runValidation!(db, { asOf, from: month.firstIso, to: month.lastIso, findingLang: docLang, placement: ids });
              notes = r.notes;
              return r.findings;
            },
          }),
      ...(thread ? { hours: (m: ReportMonth) => thread.hours(db.name, m) } : {}),
      ...(f.format === 'csv' ? { announce } : {}),
    });
  } catch (e) {
    void thread?.abort();
    (files as ReportFiles | null)?.discard();
    throw e;
  }
  const setting = (k: string) => getSetting(db, k) ?? null;
  const school: PdfSchool = {
    naam: setting('school.naam'),
    adres: setting('school.adres'),
    postcode: setting('school.postcode'),
    plaats: setting('school.plaats'),
    telefoon: setting('school.telefoon'),
    email: setting('school.email'),
  };
  return { month, asOf, reports, notes, school, thread, files };
}

/** Prints the JSON, or writes the files and index.csv; returns the exit code. */
export async function emitReports(io: Io, built: BuiltReports, f: ReportFlags): Promise<number> {
  const m = reportMsg();
  for (const n of built.notes) io.err(io.ce.dim(`• ${n}`));
  // the thread writes CSV files only
  if (f.format !== 'csv') void built.thread?.abort();
  if (f.format === 'json') {
    io.out(JSON.stringify([...built.reports].map(reportJson)));
    return EXIT.ok;
  }
  const monthName = m.monthName(built.month.year, built.month.number);
  const renderer = f.format === 'pdf' ? await import('../report/pdf.js') : null;
  // a thousand PDFs take minutes: a person at a terminal sees them go by; cron sees nothing
  const progress = io.stderrIsTty && built.reports.size > 1
    ? (i: number) => process.stderr.write(`\r${m.progress(i, built.reports.size)}${i === built.reports.size ? '\n' : ''}`)
    : undefined;
  const files = built.files ?? openFiles(f, f.format, built.thread);
  const written = await writing(f.out, () => files.write(noteEmpty(io, built.reports, monthName), {
    ...(renderer ? { pdf: (r: PoReport) => renderer.renderReportPdf(r, { month: built.month, asOf: built.asOf, school: built.school }) } : {}),
    ...(progress ? { progress } : {}),
  }));
  const dir = path.relative(process.cwd(), f.out) || '.';
  // no reports: the index is written all the same (empty: a mail merge sends nothing this month)
  io.err(built.reports.size === 0 ? m.nothing(monthName, dir) : m.written(written.length - 1, f.format, dir));
  return EXIT.ok;
}

/** --out for the reports; CSV files are written on the report's thread when there is one. */
function openFiles(f: ReportFlags, format: FileFormat, thread: ReportThread | null): ReportFiles {
  const writer = format === 'csv' ? thread ?? syncWriter : syncWriter;
  const files = writing(f.out, () => openReportFiles({ dir: f.out, format, dialect: parseDialect(f.csvDialect) }, writer));
  // Ctrl-C: the files made empty while the hours were read go, as when the run fails
  onInterrupt(() => files.discard());
  return files;
}

const REFUSALS: Record<string, WriteRefusal> = {
  ENOTDIR: 'notDir', EEXIST: 'notDir', EISDIR: 'isDir', ERR_FS_EISDIR: 'isDir', EACCES: 'denied', EPERM: 'denied', EROFS: 'readOnly', ENOSPC: 'full',
};

/** Runs fn; a file system refusal in --out becomes a usage error that names the file and why. */
function writing<T>(out: string, fn: () => T): T {
  const refused = (e: unknown) => {
    const err = e as NodeJS.ErrnoException & { info?: { path?: string } };
    const why = err.code ? REFUSALS[err.code] : undefined;
    if (!why) return e;
    // rmSync's own error keeps the path in `info`; mkdir on a file names --out itself
    const at = err.path ?? err.info?.path ?? out;
    // `--out rapport.pdf/nov`: the file in the way is rapport.pdf, not the folder asked for
    const file = why === 'notDir' ? fileInTheWay(at) : at;
    return new UsageError(reportMsg().cannotWrite(out, file, why, err.code === 'ERR_FS_EISDIR' ? 'EISDIR' : err.code!));
  };
  try {
    const r = fn();
    return (r instanceof Promise ? r.catch((e: unknown) => { throw refused(e); }) : r) as T;
  } catch (e) {
    throw refused(e);
  }
}

/** The nearest of `p` and the folders above it that exists and is not a folder (else `p`). */
function fileInTheWay(p: string): string {
  for (let d = p; ; d = path.dirname(d)) {
    try {
      if (!fs.statSync(d).isDirectory()) return d;
    } catch {
      // not there: look higher up
    }
    if (path.dirname(d) === d) return p;
  }
}

/** Passes the reports on, saying on stderr which requested praktijkopleider had no students. */
function* noteEmpty(io: Io, reports: Iterable<PoReport>, monthName: string): Generator<PoReport> {
  for (const r of reports) {
    if (r.placements.length === 0) io.err(reportMsg().noPlacementsFor(r.praktijkopleider.email, monthName));
    yield r;
  }
}

