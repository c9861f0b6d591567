// Records that several import rows name (a student with two placements, a company, a
// supervisor). Each row may spell them a little differently; writing each row's version in
// turn would flip the stored value back and forth on every re-import. So within one import
// the values merge (an empty value never clears another row's, a later value wins), are
// written once at the end, compared with what was stored before the import began, and
// differences within the file are reported as warnings. A field that every row naming a
// stored record leaves empty is cleared, as a placement's own fields are: the file says there
// is none (a column the file does not have says nothing).
import type { Db } from '../db/open.js';
import type { FieldChange } from '../db/audit.js';
import { msg } from '../i18n/messages.js';
import type { RowWarning } from './row.js';
import { BatchInserter } from './batch-insert.js';

/** insertFirst: touches queued at most before they are inserted (the caller flushes sooner) */
const MAX_QUEUED = 64;

import type { Value } from './row.js';

export type { Value };

interface Entry {
  id: number | string;
  isNew: boolean;
  /** what the database holds now for this record, by field position */
  stored: Value[];
  /** the values this file gave so far (an empty value never clears one) */
  fromFile: (Value | undefined)[];
  fileLine: number[];
  /** the last row that named it: a change is counted on that row */
  lastLine: number;
  /** bit i: a row gave field i empty, in a column the file has */
  emptied: number;
}

export class SharedRecords {
  /**
   * A record this import created and has seen once is just the line that named it (here, or
   * with insertFirst in newLines): most students appear on one row only, and an Entry for each
   * of 100k students was most of the import's memory and garbage collection. The database
   * holds that row's values; a second row naming the record reads them back into an Entry.
   */
  private readonly entries = new Map<string, Entry | number>();
  /**
   * The same entries by the reading thread's number for their key (RowCodec.handles): finding
   * a company and up to three supervisors in the map on each of 100,000 rows (making, hashing
   * and comparing the key strings) was 0.2 s of the writing thread.
   */
  private readonly byHandle: (Entry | number | undefined)[] = [];
  private readonly warnings: RowWarning[] = [];
  private readonly select;
  private readonly insert;

  /**
   * insertFirst: the line that inserted each record this import made, by rowid (new rows take
   * the rowids after the largest before the import). A Map of the 100,000 students of a first
   * import, key to line, cost the writing thread ~0.1 s (hashing, growing, collecting).
   */
  private rowidBase = 0;
  private newLines = new Uint32Array(0);

  constructor(
    private readonly db: Db,
    private readonly entity: string,
    private readonly table: string,
    /** SQL condition selecting one record by its key, with ? placeholders */
    keyWhere: string,
    keyColumns: string[],
    private readonly fieldNames: string[],
    /** the column foreign keys point at; `id` is the integer primary key, else the first key column */
    private readonly idColumn: string,
    /** how a warning names the record */
    private readonly label: (key: Value[]) => string,
    /**
     * Most rows name a record this import has not seen (the students of a first import): try
     * the insert before the map, whose lookups of 100,000 keys that are not there cost a third
     * of this class's time. Only where the key is the id (`idColumn` is not `id`). The inserts
     * are queued and made many rows at a time: see flush().
     */
    private readonly insertFirst = false,
  ) {
    this.select = db.prepare(`SELECT rowid, ${idColumn} AS id, ${fieldNames.join(', ')} FROM ${table} WHERE ${keyWhere}`).raw();
    const cols = [...keyColumns, ...fieldNames];
    // Insert first: on a new record that is the only statement; a conflict means it exists.
    this.insert = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`);
    if (insertFirst) {
      this.batch = new BatchInserter(db, table, cols, keyColumns.join(', '));
      this.rowidBase = db.prepare(`SELECT ifnull(max(rowid), 0) FROM ${table}`).pluck().get() as number;
    }
  }

  private noteNew(rowid: number, line: number): void {
    const i = rowid - this.rowidBase - 1;
    if (i >= this.newLines.length) {
      const grown = new Uint32Array(Math.max(1024, 2 * (i + 1)));
      grown.set(this.newLines);
      this.newLines = grown;
    }
    this.newLines[i] = line;
  }

  /** insertFirst: the touches not yet inserted, in order */
  private readonly queued: { keyValues: Value[]; values: Value[]; line: number; given: readonly boolean[] | undefined }[] = [];
  private readonly batch: BatchInserter | undefined;

  /**
   * Inserts the queued records (insertFirst), in one statement when all are new: 100,000
   * students one statement each took 0.25 s, in statements of 32 rows 0.14 s. When one of them
   * exists (named before, or twice in the batch) the batch is undone and each goes its own way,
   * so the outcome is the one of touching them one by one. The caller flushes before it writes
   * the rows that refer to them: a deferred foreign key left outstanding makes SQLite look for
   * the children of every parent inserted after it.
   */
  flush(): void {
    const q = this.queued;
    if (!q.length) return;
    const args: Value[] = [];
    for (const t of q) args.push(...t.keyValues, ...t.values);
    if (this.batch!.insertAllNew(q.length, args)) {
      const first = this.batch!.lastRowid - q.length + 1;
      for (let i = 0; i < q.length; i++) this.noteNew(first + i, q[i]!.line);
    } else {
      for (const t of q) this.touchNow(t.keyValues, t.values, t.line, -1, t.given);
    }
    q.length = 0;
  }

  private key(keyValues: Value[]): string {
    return keyValues.length === 1 ? String(keyValues[0]) : keyValues.map((v) => String(v ?? '')).join('\u0000');
  }

  /** `firstLine`: the line of the row of this import that inserted it, when known */
  private entryFromDb(keyValues: Value[], line: number, firstLine?: number): Entry {
    const [rowid, id, ...stored] = this.select.get(...keyValues) as [number, number | string, ...Value[]];
    if (firstLine === undefined && this.insertFirst && rowid > this.rowidBase) firstLine = this.newLines[rowid - this.rowidBase - 1];
    const isNew = firstLine !== undefined;
    const e: Entry = { id, isNew, stored, fromFile: [], fileLine: [], lastLine: firstLine ?? line, emptied: 0 };
    if (isNew) {
      // what the first row gave is what it inserted
      for (let i = 0; i < stored.length; i++) {
        if (stored[i] !== null) {
          e.fromFile[i] = stored[i];
          e.fileLine[i] = firstLine!;
        }
      }
    }
    return e;
  }

  /**
   * Makes sure the record exists (inserted with this row's values when new) and merges this
   * row's values (by position in `fieldNames`). Returns its id for foreign keys. With
   * insertFirst the record is there after the next flush(). `given`: per field, whether the
   * file has its column (default: all); a null value of a column it has is an empty cell.
   */
  touch(keyValues: Value[], values: Value[], line: number, handle?: number, given?: readonly boolean[]): number | string {
    if (this.insertFirst) {
      this.queued.push({ keyValues, values, line, given });
      if (this.queued.length >= MAX_QUEUED) this.flush();
      return String(keyValues[0]);
    }
    return this.touchNow(keyValues, values, line, handle, given);
  }

  private remember(k: string, handle: number, e: Entry | number): void {
    this.entries.set(k, e);
    if (handle >= 0) this.byHandle[handle] = e;
  }

  /** `handle`: the reading thread's number for this key, when it gave one (-1: none) */
  private touchNow(keyValues: Value[], values: Value[], line: number, handle = -1, given?: readonly boolean[]): number | string {
    let k: string | undefined;
    if (this.insertFirst) {
      const info = this.insert.run(...keyValues, ...values);
      if (info.changes === 1) {
        this.noteNew(Number(info.lastInsertRowid), line);
        return String(keyValues[0]);
      }
    }
    // by number when there is one; a key not numbered yet is looked up by its string all the same
    let e = handle >= 0 ? this.byHandle[handle] : undefined;
    if (e === undefined) {
      e = this.entries.get((k = this.key(keyValues)));
      if (e !== undefined && handle >= 0) this.byHandle[handle] = e;
    }
    if (e === undefined && this.insertFirst) {
      // there before this import, or inserted by one row of it so far
      e = this.entryFromDb(keyValues, line);
      this.remember((k ??= this.key(keyValues)), handle, e);
    } else if (e === undefined) {
      const info = this.insert.run(...keyValues, ...values);
      if (info.changes === 1 && this.idColumn !== 'id') {
        this.remember((k ??= this.key(keyValues)), handle, line);
        return String(keyValues[0]);
      }
      e = info.changes === 1
        ? { id: Number(info.lastInsertRowid), isNew: true, stored: values.slice(), fromFile: [], fileLine: [], lastLine: line, emptied: 0 }
        : this.entryFromDb(keyValues, line);
      this.remember((k ??= this.key(keyValues)), handle, e);
    } else if (typeof e === 'number') {
      e = this.entryFromDb(keyValues, line, e);
      this.remember((k ??= this.key(keyValues)), handle, e);
    }
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) {
        // an empty cell: cleared at the end when no row of the file gives a value
        if (v === null && given?.[i] !== false) e.emptied |= 1 << i;
        continue;
      }
      const prev = e.fromFile[i];
      // The same value again (the common case: a company on each of its students' rows) keeps
      // the string it has: storing each row's copy in a long-lived entry kept every one of them
      // alive past the young generation, for the garbage collector to copy.
      if (prev !== v) {
        if (prev !== undefined && prev !== null) {
          this.warnings.push({ line, column: this.fieldNames[i]!, message: msg().sharedConflict(this.label(keyValues), this.fieldNames[i]!, String(prev), String(v), e.fileLine[i] ?? line) });
        }
        e.fromFile[i] = v;
      }
      e.fileLine[i] = line;
    }
    e.lastLine = line;
    return e.id;
  }

  /**
   * Writes the merged values; returns the changes and, for each record stored before this
   * import that changed, the line of the last row that named it.
   */
  finish(): { changes: FieldChange[]; changedLines: number[]; warnings: RowWarning[] } {
    this.flush();
    const changes: FieldChange[] = [];
    const changedLines: number[] = [];
    for (const [k, e] of this.entries) {
      if (typeof e === 'number') continue;
      const changed: number[] = [];
      for (let i = 0; i < this.fieldNames.length; i++) {
        const v = e.fromFile[i];
        // a record this import made holds what its rows gave; a stored one loses what they all left empty
        const emptied = v === undefined && !e.isNew && (e.emptied & (1 << i)) !== 0 && e.stored[i] !== null;
        if ((v !== undefined && v !== e.stored[i]) || emptied) changed.push(i);
      }
      if (!changed.length) continue;
      this.db
        .prepare(`UPDATE ${this.table} SET ${changed.map((i) => `${this.fieldNames[i]} = ?`).join(', ')} WHERE ${this.idColumn} = ?`)
        .run(...changed.map((i) => e.fromFile[i] ?? null), e.id);
      if (!e.isNew) {
        const key = k.split('\u0000').filter((v) => v !== '').join('/');
        for (const i of changed) changes.push({ entity: this.entity, key, field: this.fieldNames[i]!, old: e.stored[i]!, new: e.fromFile[i] ?? null });
        changedLines.push(e.lastLine);
      }
    }
    return { changes, changedLines, warnings: this.warnings };
  }
}
