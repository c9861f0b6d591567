// Writing the month's reports into --out: one file per praktijkopleider and index.csv for the
// mail merge. index.csv is the mark of a finished run: it is removed first and written last
// (under a temporary name, then renamed), so a mail merge never sends a report of a run that
// did not finish. The reports themselves are written in place: renaming a thousand of them
// doubled the time of the whole run (measured).

import { closeSync, mkdirSync, openSync, rmSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { CsvDialect } from '../output/csv.js';
import { indexCsv, indexEntry, reportCsv, type IndexEntry } from './csv.js';
import type { PoReport } from './model.js';
import type { FileWriter } from './thread.js';
import { writeAtomic } from '../util/write-atomic.js';

export type FileFormat = 'pdf' | 'csv';

/**
 * `<YYYY-MM>-<email>.<ext>`. An e-mail address may hold characters a Windows share refuses in a
 * file name (`/`, `*`, `?`, `|`…); those become `_`.
 */
export function reportFileName(month: string, email: string, ext: FileFormat): string {
  return `${month}-${email.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}.${ext}`;
}

export interface WriteOptions {
  dir: string;
  format: FileFormat;
  dialect: CsvDialect;
}

export interface WriteHooks {
  /** the PDF renderer, loaded by the caller only when PDFs are asked for */
  pdf?: (r: PoReport) => Promise<Uint8Array>;
  /** called after each file: how many are written */
  progress?: (written: number) => void;
}

/** The run's output directory. */
export interface ReportFiles {
  /**
   * Makes these praktijkopleiders' files, empty, while another thread reads the database:
   * creating a file costs four times as much as filling it (a thousand: 0.2-0.3 s against
   * 0.05 s). Only files that are not there yet: a report of an earlier run stays whole until
   * its new version is written. Those still empty when the run fails are removed.
   */
  create(month: string, emails: readonly string[]): void;
  /** Writes every report and index.csv; returns the paths written, index.csv last. */
  write(reports: Iterable<PoReport>, hooks?: WriteHooks): Promise<string[]>;
  /** the run failed: removes the files create() made that are still empty */
  discard(): void;
}

/** Makes the directory and removes index.csv; the reports go through `writer`. */
export function openReportFiles(opts: WriteOptions, writer: FileWriter): ReportFiles {
  mkdirSync(opts.dir, { recursive: true });
  const indexFile = path.join(opts.dir, 'index.csv');
  rmSync(indexFile, { force: true });
  const created: string[] = [];
  const files: ReportFiles = {
    create(month, emails) {
      try {
        for (const e of emails) {
          const file = path.join(opts.dir, reportFileName(month, e, opts.format));
          let fd: number;
          try {
            fd = openSync(file, 'wx');
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
            throw err;
          }
          closeSync(fd);
          created.push(file);
        }
      } catch (e) {
        files.discard();
        throw e;
      }
    },
    discard() {
      for (const f of created) {
        try {
          if (statSync(f).size === 0) unlinkSync(f);
        } catch {
          /* gone already */
        }
      }
      created.length = 0;
    },
    async write(reports, hooks = {}) {
      const written: string[] = [];
      const index: IndexEntry[] = [];
      try {
        for (const r of reports) {
          const name = reportFileName(r.month, r.praktijkopleider.email, opts.format);
          const file = path.join(opts.dir, name);
          writer.write(file, opts.format === 'csv' ? reportCsv(r, opts.dialect) : await hooks.pdf!(r));
          written.push(file);
          index.push(indexEntry(r, name));
          hooks.progress?.(written.length);
          // Ctrl-C is seen between files: written on this thread (BPV_THREADS=1), a thousand
          // CSV files gave the event loop no turn, and the run went on to write index.csv
          if (written.length % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        await writer.close();
        // a Ctrl-C during the last files: no index.csv
        await new Promise((resolve) => setImmediate(resolve));
      } catch (e) {
        await writer.abort();
        files.discard();
        throw e;
      }
      writeAtomic(indexFile, indexCsv(index, opts.dialect));
      written.push(indexFile);
      return written;
    },
  };
  return files;
}
