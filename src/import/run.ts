// The generic import: header mapping, row parsing, duplicate keys, one transaction, the
// summary. Each kind (placements, timesheets, holidays, recognitions) only says how to parse
// a row and how to write it.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open.js';
import { isSqliteFile } from '../util/sqlite-file.js';
import { audit, type FieldChange } from '../db/audit.js';
import { UsageError } from '../errors.js';
import { msg } from '../i18n/messages.js';
import { mapHeaders, parseMapFlags, type ColumnSpec, type MissingColumn } from './headers.js';
import { KeyLines } from './key-lines.js';
import { openCsvFast, type BatchSource, type RecordBatch, type SourceOptions } from './source.js';
import { RejectFile, isRejectColumn } from './reject-file.js';
import { parseRow, RowContext, type RowCodec, type RowError, type RowWarning } from './row.js';

export type { RowError, RowWarning };

export type WriteOutcome =
  | { status: 'inserted'; changes?: FieldChange[] }
  | { status: 'unchanged'; changes?: FieldChange[] }
  | { status: 'updated'; changes: FieldChange[] };

export interface KindWriter<R> {
  /** the row's key within the file, resolving what needs the database; errors reject the row */
  key(row: R, ctx: RowContext): string | number | undefined;
  write(row: R, ctx: RowContext): WriteOutcome;
  /**
   * Optional fast path: writes a batch of rows at once (a multi-row INSERT costs less than half
   * the CPU of one statement per row) and returns one outcome per row, in order.
   */
  writeMany?(items: readonly { row: R; ctx: RowContext }[]): WriteOutcome[];
  /**
   * Called once before commit. Shared records (a company, a supervisor) named by several rows
   * are settled here, last row wins; rows first counted unchanged whose shared record did
   * change are promoted to updated.
   */
  finish?(): {
    toUpdated: number;
    toInserted?: number;
    /** stored records (a student, a company) that rows counted as new changed */
    recordsChanged?: number;
    changes: FieldChange[];
    warnings: RowWarning[];
  } | void;
}

export interface ImportKind<R> {
  kind: string;
  columns: readonly ColumnSpec[];
  /** the column a duplicate-key error names */
  keyColumn: string;
  /** a row whose key is made of other columns (no plaatsing_id): the columns it is made of, the first one blamed */
  keyColumnsOf?(row: R): readonly string[] | undefined;
  /** groups of optional columns of which the file must have at least one */
  requireOneOf?: readonly (readonly string[])[];
  /** warnings about the file's columns, said once rather than on every row */
  columnWarnings?(has: (column: string) => boolean): { column: string; message: string }[];
  parse(ctx: RowContext): R | undefined;
  /** when a large file's rows may be parsed on its reading thread: how they cross over */
  codec?: RowCodec<R>;
  /** the table a row becomes a row of, and its size in a typical file: to tell a bulk load */
  table: string;
  rowBytes: number;
  writer(db: Db, load: LoadHint): KindWriter<R>;
}

export interface LoadHint {
  /** rows the table held before this import */
  existing: number;
  /**
   * A large file that adds more rows than the table holds (the first import of a year): the
   * choices that pay off only in bulk (indexes rebuilt after the load) are made.
   */
  bulk: boolean;
  /**
   * Whether the file has this column. One it has not is not a changed value: a partial export
   * (no leerdoelen, no werkbegeleider) leaves what is stored.
   */
  has(column: string): boolean;
}

/** below this a file is never a bulk load: the choices cost more than they save */
const BULK_MIN_BYTES = 8 << 20;

const WRITE_BATCH = 32;

export interface ImportOptions extends SourceOptions {
  map?: string[] | undefined;
  dryRun?: boolean | undefined;
  strict?: boolean | undefined;
  rejectFile?: string | undefined;
  progress?: ((bytesDone: number, bytesTotal: number) => void) | undefined;
  /**
   * when required columns are missing: may return --map flags to try (interactive);
   * `candidates` are the file's headers no column uses
   */
  askMapping?: ((missing: MissingColumn[], candidates: string[]) => Promise<string[] | undefined>) | undefined;
}

export interface ImportSummary {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
  warnings: RowWarning[];
  unknown_columns: string[];
  file: string;
  encoding: string;
  delimiter: string;
  dry_run: boolean;
  /** strict mode refused the whole file */
  written: boolean;
  /**
   * Stored records named by a row counted as new whose values that row changed (an existing
   * student's new surname on the row of their new placement): not in `updated`, which counts
   * rows, but changed all the same, and audited.
   */
  records_changed: number;
  /** the --map flags chosen interactively, to print for next time */
  map_used?: string[];
}

/**
 * `db` may be a function that opens the database: it is then called only once the file has
 * proved usable (readable, CSV, the columns there, at least one row), so an unusable file
 * leaves no database behind either; the caller closes it.
 */
export async function runImport<R>(dbOrOpen: Db | (() => Db), kind: ImportKind<R>, file: string, opts: ImportOptions): Promise<ImportSummary> {
  if (opts.rejectFile) checkRejectFile(opts.rejectFile, file);
  const src = await openCsvFast(file, opts);
  try {
    return await importFrom(src, dbOrOpen, kind, file, opts);
  } finally {
    src.close();
  }
}

async function importFrom<R>(src: BatchSource, dbOrOpen: Db | (() => Db), kind: ImportKind<R>, file: string, opts: ImportOptions): Promise<ImportSummary> {
  let mapFlags = opts.map ?? [];
  let mapping = mapHeaders(src.header, kind.columns, parseMapFlags(mapFlags, kind.columns));
  if (mapping.missing.length && opts.askMapping) {
    const extra = await opts.askMapping(mapping.missing, mapping.unknown);
    if (extra?.length) {
      mapFlags = [...mapFlags, ...extra];
      mapping = mapHeaders(src.header, kind.columns, parseMapFlags(mapFlags, kind.columns));
    }
  }
  for (const group of kind.requireOneOf ?? []) {
    if (!group.some((c) => mapping.index.has(c))) mapping.missing.push({ column: group.join(msg().or()) });
  }
  if (mapping.missing.length > 2 && src.header.length === 1) throw new UsageError(msg().singleColumnHeader(src.name, src.header[0] ?? ''));
  if (mapping.missing.length) {
    throw new UsageError(msg().missingColumns(src.name, mapping.missing, src.header), {
      missing: mapping.missing.map((m) => m.column),
      found: src.header,
    });
  }
  const summary: ImportSummary = {
    read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, errors: [], warnings: [],
    // a reject file's own column: fixing that file and importing it is the way back in (SPEC §2)
    unknown_columns: mapping.unknown.filter((h) => !isRejectColumn(h)), file: src.name, encoding: src.encoding,
    delimiter: src.delimiter === '\t' ? 'tab' : src.delimiter, dry_run: !!opts.dryRun, written: false, records_changed: 0,
  };
  if (opts.map === undefined || mapFlags.length !== opts.map.length) summary.map_used = mapFlags;
  for (const w of kind.columnWarnings?.((c) => mapping.index.has(c)) ?? []) summary.warnings.push({ line: src.headerLine, ...w });

  const rejects = opts.rejectFile ? new RejectFile(opts.rejectFile, src) : undefined;
  const headerLen = src.header.length;
  const idx = mapping.index;
  const changes: FieldChange[] = [];
  const total = file === '-' ? 0 : fs.statSync(file).size;
  // a timesheet row is about 100 bytes: a low estimate, so the table is rarely too large
  const seen = new KeyLines(total / 128);
  let lastProgress = 0;

  const shape = { headerLength: headerLen, delimiter: src.delimiter };
  if (kind.codec && src.parseThere) src.parseThere(kind.kind, kind.codec as RowCodec<unknown>, idx, shape);
  const iterator = src.batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new UsageError(msg().fileNoRows(src.name));
  async function* allBatches(): AsyncGenerator<RecordBatch> {
    yield first.value;
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
      await eventLoopTurn();
      yield r.value;
    }
  }
  const db = typeof dbOrOpen === 'function' ? dbOrOpen() : dbOrOpen;
  // a larger page cache keeps the indexes being filled in memory during a big import
  db.pragma('cache_size = -16384');
  db.exec('BEGIN IMMEDIATE');
  let committed = false;
  try {
    const existing = db.prepare(`SELECT count(*) AS n FROM ${kind.table}`).pluck().get() as number;
    const writer = kind.writer(db, { existing, bulk: total >= BULK_MIN_BYTES && existing < total / kind.rowBytes, has: (c) => idx.has(c) });
    const pending: { row: R; ctx: RowContext }[] = [];
    const count = (outcome: WriteOutcome) => {
      summary[outcome.status]++;
      if (outcome.changes) changes.push(...outcome.changes);
    };
    const flush = () => {
      if (!pending.length) return;
      for (const o of writer.writeMany!(pending)) count(o);
      pending.length = 0;
    };
    for await (const batch of allBatches()) for (let r = 0; r < batch.records.length; r++) {
      summary.read++;
      const f = batch.records[r]!;
      const line = batch.lines[r]!;
      const ctx = new RowContext(line, f, idx);
      let row: R | undefined;
      if (batch.parsed) {
        const p = batch.parsed.problems.get(r);
        if (p) ctx.adopt(p.errors, p.warnings);
        row = batch.parsed.rows[r] as R | undefined;
      } else row = parseRow(kind.parse, ctx, f, shape);
      let key: string | number | undefined;
      if (row !== undefined && ctx.errors.length === 0) key = writer.key(row, ctx);
      if (row !== undefined && key !== undefined && ctx.errors.length === 0) {
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          const columns = kind.keyColumnsOf?.(row);
          if (columns) ctx.error(columns[0]!, msg().duplicateKeyOf(columns, earlier));
          else ctx.error(kind.keyColumn, msg().duplicateKey(earlier));
        }
      }
      if (row === undefined || ctx.errors.length) {
        summary.rejected++;
        summary.errors.push(...ctx.errors);
        rejects?.add(f, ctx.errors.map((e) => `${e.column}: ${e.message}`).join(' | '));
        continue;
      }
      seen.set(key!, line);
      if (ctx.warnings.length) summary.warnings.push(...ctx.warnings);
      if (writer.writeMany) {
        pending.push({ row, ctx });
        if (pending.length >= WRITE_BATCH) flush();
      } else {
        count(writer.write(row, ctx));
      }
      if (opts.progress && (summary.read & 1023) === 0) {
        lastProgress = summary.read;
        opts.progress(src.bytesRead(), total);
      }
    }
    // the last chance for Ctrl-C before the import's closing work (indexes, commit) holds this thread
    await eventLoopTurn();
    flush();
    const fin = writer.finish?.();
    if (fin) {
      summary.unchanged -= fin.toUpdated + (fin.toInserted ?? 0);
      summary.updated += fin.toUpdated;
      summary.inserted += fin.toInserted ?? 0;
      summary.records_changed = fin.recordsChanged ?? 0;
      changes.push(...fin.changes);
      summary.warnings.push(...fin.warnings);
    }
    if (opts.progress && lastProgress) opts.progress(total, total);
    const refuse = opts.dryRun || (opts.strict && summary.rejected > 0);
    if (refuse) {
      db.exec('ROLLBACK');
    } else {
      audit(db, {
        command: `import ${kind.kind}`,
        file: { name: path.basename(src.name), sha256: src.sha256() },
        counts: { read: summary.read, inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected },
        details: { path: src.name === '(stdin)' ? src.name : path.resolve(src.name), encoding: src.encoding, delimiter: summary.delimiter },
        changes,
      });
      db.exec('COMMIT');
      summary.written = true;
    }
    committed = true;
  } finally {
    if (!committed && db.inTransaction) db.exec('ROLLBACK');
    if (!committed) rejects?.abandon();
  }
  rejects?.finish();
  return summary;
}

/**
 * A turn of the event loop between batches. Batches that are there already (the reading thread
 * ahead, or reading on this thread with BPV_THREADS=1) come as resolved promises, and a loop of
 * those never lets the event loop see a signal: Ctrl-C waited for the whole import, whose end
 * then dropped it (an interrupted import of 100,000 placements committed them and exited 0).
 * About 150 turns for 100,000 placements, 400 for a million timesheet rows.
 */
function eventLoopTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Before anything is read or written: the reject file is written after the commit, and a path
 * that cannot take it failed the command there (exit 70) with the import saved; one that is
 * the input file replaced the clerk's file by its rejected rows.
 */
function checkRejectFile(rejectFile: string, input: string): void {
  const real = (f: string) => {
    try {
      return fs.realpathSync(f);
    } catch {
      return path.resolve(f);
    }
  };
  if (input !== '-' && real(rejectFile) === real(input)) throw new UsageError(msg().rejectFileIsInput(rejectFile));
  const fail = (why: string): never => {
    throw new UsageError(msg().rejectFileUnwritable(rejectFile, why));
  };
  const dir = path.dirname(path.resolve(rejectFile));
  if (fs.existsSync(rejectFile)) {
    if (fs.statSync(rejectFile).isDirectory()) fail(msg().fileIsDir(rejectFile));
    // a database (bpv's own, by a slip of the hand) or one of its journal files: rewritten as a
    // reject file, it was gone, whatever the import did
    const journalOf = /-(wal|shm|journal)$/.test(rejectFile) ? rejectFile.replace(/-(wal|shm|journal)$/, '') : undefined;
    if (isSqliteFile(rejectFile) || (journalOf !== undefined && isSqliteFile(journalOf))) fail(msg().rejectFileIsDatabase());
    try {
      fs.accessSync(rejectFile, fs.constants.W_OK);
    } catch {
      fail(msg().notWritable(rejectFile));
    }
  } else if (!fs.existsSync(dir)) {
    fail(msg().dirMissing(dir));
  } else {
    try {
      fs.accessSync(dir, fs.constants.W_OK);
    } catch {
      fail(msg().notWritable(dir));
    }
  }
}
