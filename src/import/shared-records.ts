// Records that several import rows name (a student with two placements, a company, a
// supervisor). Each row may spell them a little differently; writing each row's version in
// turn would flip the stored value back and forth on every re-import. So within one import
// the values merge (an empty value never clears one, a later value wins), are written once at
// the end, compared with what was stored before the import began, and differences within the
// file are reported as warnings.
import type { Db } from '../db/open.js';
import type { FieldChange } from '../db/audit.js';
import { msg } from '../i18n/messages.js';
import type { RowWarning } from './run.js';

type Value = string | number | null;
export type Fields = Record<string, Value>;

interface Entry {
  id: number | string;
  key: string;
  isNew: boolean;
  /** what the database holds now for this record */
  stored: Fields;
  /** the values this file gave so far (an empty value never clears one) */
  fromFile: Fields;
  fileLine: Partial<Record<string, number>>;
  /** the last row that named it: a change is counted on that row */
  lastLine: number;
}

export class SharedRecords {
  private readonly entries = new Map<string, Entry>();
  private readonly warnings: RowWarning[] = [];
  private readonly select;
  private readonly insert;

  constructor(
    private readonly db: Db,
    private readonly entity: string,
    private readonly table: string,
    /** SQL condition selecting one record by its key, with ? placeholders */
    keyWhere: string,
    keyColumns: string[],
    private readonly fieldNames: string[],
    /** the column foreign keys point at; `id` is the integer primary key */
    private readonly idColumn: string,
  ) {
    this.select = db.prepare(`SELECT ${idColumn} AS id, ${fieldNames.join(', ')} FROM ${table} WHERE ${keyWhere}`);
    const cols = [...keyColumns, ...fieldNames];
    // Insert first: on a new record that is the only statement; a conflict means it exists.
    this.insert = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`);
  }

  /**
   * Makes sure the record exists (inserted with this row's values when new) and merges this
   * row's values. Returns its id for foreign keys.
   */
  touch(keyValues: Value[], fields: Fields, line: number, label: string): number | string {
    const k = keyValues.length === 1 ? String(keyValues[0]) : keyValues.map((v) => String(v ?? '')).join('\u0000');
    let e = this.entries.get(k);
    if (!e) {
      const values = this.fieldNames.map((f) => fields[f] ?? null);
      const info = this.insert.run(...keyValues, ...values);
      const key = keyValues.filter((v) => v !== null).join('/');
      if (info.changes === 1) {
        const id = this.idColumn === 'id' ? Number(info.lastInsertRowid) : String(keyValues[0]);
        const stored: Fields = {};
        this.fieldNames.forEach((f, i) => (stored[f] = values[i]!));
        e = { id, key, isNew: true, stored, fromFile: {}, fileLine: {}, lastLine: line };
      } else {
        const { id, ...stored } = this.select.get(...keyValues) as Fields & { id: number | string };
        e = { id, key, isNew: false, stored, fromFile: {}, fileLine: {}, lastLine: line };
      }
      this.entries.set(k, e);
    }
    for (const f of this.fieldNames) {
      const v = fields[f];
      if (v === null || v === undefined) continue;
      const prev = e.fromFile[f];
      if (prev !== undefined && prev !== null && prev !== v) {
        this.warnings.push({ line, column: f, message: msg().sharedConflict(label, f, String(prev), String(v), e.fileLine[f] ?? line) });
      }
      e.fromFile[f] = v;
      e.fileLine[f] = line;
    }
    e.lastLine = line;
    return e.id;
  }

  /** Writes the merged values; returns the changes and the lines whose rows changed. */
  finish(): { changes: FieldChange[]; changedLines: Set<number>; warnings: RowWarning[] } {
    const changes: FieldChange[] = [];
    const changedLines = new Set<number>();
    for (const e of this.entries.values()) {
      const changed = this.fieldNames.filter((f) => e.fromFile[f] !== undefined && e.fromFile[f] !== e.stored[f]);
      if (!changed.length) continue;
      this.db
        .prepare(`UPDATE ${this.table} SET ${changed.map((f) => `${f} = ?`).join(', ')} WHERE ${this.idColumn} = ?`)
        .run(...changed.map((f) => e.fromFile[f] ?? null), e.id);
      if (!e.isNew) {
        for (const f of changed) changes.push({ entity: this.entity, key: e.key, field: f, old: e.stored[f], new: e.fromFile[f] });
        changedLines.add(e.lastLine);
      }
    }
    return { changes, changedLines, warnings: this.warnings };
  }
}
