// The rejected rows of an import exactly as they were, in the input's own columns and encoding,
// plus `fout`: fixed there, that file is the way back in (SPEC §2).
import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import type { BatchSource } from './source.js';
import { normalizeHeader } from './headers.js';

/** The column a reject file adds after the input's own: why each row was rejected. */
export const REJECT_COLUMN = 'fout';

/** The `fout` column of a reject file imported again, however a spreadsheet wrote it (`Fout`). */
export function isRejectColumn(header: string): boolean {
  return normalizeHeader(header) === REJECT_COLUMN;
}

/** Where a reject file is written until the import ends: beside it, under a name of this process. */
export function rejectTempFile(file: string): string {
  return `${file}.${process.pid}.tmp`;
}

/** rows held before they are written */
const FLUSH_ROWS = 1000;

/**
 * Written as the rows come, not held to the end: a million rejected timesheet rows held that
 * way took 2.2 GB. Into a file beside the target, renamed over it when the import ends: a run
 * that fails leaves an earlier reject file as it was, and no half of a new one.
 */
export class RejectFile {
  private fd: number | undefined;
  private rows: string[][] = [];
  private readonly temp: string;

  constructor(
    private readonly file: string,
    private readonly src: Pick<BatchSource, 'header' | 'delimiter' | 'encoding' | 'hadBom'>,
  ) {
    this.temp = rejectTempFile(file);
    this.own = src.header.findIndex(isRejectColumn);
  }

  /** the input's own `fout` column, or -1 */
  private readonly own: number;

  /**
   * A rejected record, every field as it was, and why. The reason goes in the file's own `fout`
   * column when it has one (a reject file imported again: one column, the current reason), else
   * in one after the input's columns. Fields beyond the header stay after those, so nothing is
   * lost and the row stays rejected until it is fixed.
   */
  add(fields: string[], why: string): void {
    const n = this.src.header.length;
    const row = fields.length < n ? [...fields, ...Array<string>(n - fields.length).fill('')] : fields.slice(0, n);
    if (this.own >= 0) row[this.own] = why;
    else row.push(why);
    for (let i = n; i < fields.length; i++) row.push(fields[i]!);
    this.rows.push(row);
    if (this.rows.length >= FLUSH_ROWS) this.flush();
  }

  /**
   * Puts the file in place, the header alone when no row was rejected: a reject file of an
   * earlier run, left as it was after a clean one, still offered its fixed rows as rejected.
   */
  finish(): void {
    this.flush(true);
    fs.closeSync(this.fd!);
    this.fd = undefined;
    fs.renameSync(this.temp, this.file);
  }

  /** The import failed: no reject file. */
  abandon(): void {
    if (this.fd === undefined) return;
    fs.closeSync(this.fd);
    this.fd = undefined;
    fs.rmSync(this.temp, { force: true });
  }

  /** `always`: the header too when no row came */
  private flush(always = false): void {
    if (!this.rows.length && !(always && this.fd === undefined)) return;
    const first = this.fd === undefined;
    const src = this.src;
    const header = this.own >= 0 ? src.header : [...src.header, REJECT_COLUMN];
    const text = stringify(first ? [header, ...this.rows] : this.rows, {
      delimiter: src.delimiter,
      record_delimiter: src.encoding === 'windows-1252' ? '\r\n' : '\n',
      // csv-stringify only quotes the record delimiter itself; a lone LF (Excel's line break in
      // a cell) must be quoted too or the row splits in two
      quoted_match: /[\r\n]/,
    });
    this.rows = [];
    const body = src.encoding === 'windows-1252' ? iconv.encode(text, 'win1252') : Buffer.from((first && src.hadBom ? '\uFEFF' : '') + text, 'utf8');
    // names and dates of birth of minors, like the database: for its owner alone
    if (first) this.fd = fs.openSync(this.temp, 'w', 0o600);
    fs.writeSync(this.fd!, body);
  }
}
