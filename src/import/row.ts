// One row of an import: its values by column, the problems found in it, and the checks that
// need nothing but the row. Those run on the reading thread when the file is read on one
// (source-worker.ts): on the writing thread, the import's bottleneck, they were a tenth of
// the time of 100,000 placements.
import { msg } from '../i18n/messages.js';

export type Value = string | number | null;

export interface RowError {
  line: number;
  column: string;
  value: string;
  message: string;
}

export interface RowWarning {
  line: number;
  column: string;
  message: string;
}

const NONE: readonly never[] = Object.freeze([]);

/** Collects the problems of one row; a row with any error is rejected whole. */
export class RowContext {
  // made when the first one comes: most rows have neither (a million rows, two million arrays)
  private errorList: RowError[] | undefined;
  private warningList: RowWarning[] | undefined;
  constructor(
    readonly line: number,
    private readonly fields: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}
  private values(col: string): string | undefined {
    const i = this.index.get(col);
    return i === undefined ? undefined : this.fields[i];
  }
  /** the trimmed value, or null when empty (an empty optional value is null) */
  get(col: string): string | null {
    const v = this.values(col);
    if (v === undefined) return null;
    const t = v.trim();
    return t === '' ? null : t;
  }
  /** whether the file has this column at all */
  has(col: string): boolean {
    return this.index.has(col);
  }
  raw(col: string): string {
    return this.values(col) ?? '';
  }
  get errors(): readonly RowError[] {
    return this.errorList ?? NONE;
  }
  get warnings(): readonly RowWarning[] {
    return this.warningList ?? NONE;
  }
  error(column: string, message: string): void {
    this.fail({ line: this.line, column, value: this.raw(column), message });
  }
  /** the problems the reading thread found in this row */
  adopt(errors: readonly RowError[] | undefined, warnings: readonly RowWarning[] | undefined): void {
    if (errors?.length) (this.errorList ??= []).push(...errors);
    if (warnings?.length) (this.warningList ??= []).push(...warnings);
  }
  fail(e: RowError): void {
    (this.errorList ??= []).push(e);
  }
  warn(column: string, message: string): void {
    (this.warningList ??= []).push({ line: this.line, column, message });
  }
  /** a required value: records the error when empty */
  required(col: string): string | null {
    const v = this.get(col);
    if (v === null) this.error(col, msg().valRequired());
    return v;
  }
  /** runs a parser on a value when present; records its reason on failure */
  parse<T>(col: string, parser: (raw: string) => { ok: true; value: T } | { ok: false; reason: string }, required: boolean): T | null {
    const v = required ? this.required(col) : this.get(col);
    if (v === null) return null;
    const r = parser(v);
    if (r.ok) return r.value;
    this.error(col, r.reason);
    return null;
  }
}

/** What an import kind's parse needs to know of the file besides the row. */
export interface RowShape {
  /** the header's length: a row with more non-empty fields is refused whole */
  headerLength: number;
  delimiter: string;
}

/** A row's own checks and its parse: the row, or undefined with the reasons in ctx. */
export function parseRow<R>(parse: (ctx: RowContext) => R | undefined, ctx: RowContext, fields: readonly string[], shape: RowShape): R | undefined {
  const n = shape.headerLength;
  if (fields.length > n && fields.slice(n).some((v) => v.trim() !== '')) {
    ctx.fail({ line: ctx.line, column: msg().wholeRow(), value: fields.slice(n).join(shape.delimiter), message: msg().tooManyFields(fields.length, n, shape.delimiter) });
    return undefined;
  }
  const row = parse(ctx);
  return ctx.errors.length ? undefined : row;
}

/**
 * How a kind's parsed row crosses from the reading thread to the writing thread: as values in
 * a fixed order, each string sent once (structured cloning the row objects cost the receiving
 * thread more than parsing them there).
 */
export interface RowCodec<R> {
  /**
   * Per position, the column whose value it usually is, unchanged: then the reading thread
   * sends the column's string once for both. null where the value is made (a number, a date
   * rewritten).
   */
  sources: readonly (string | null)[];
  pack(row: R): Value[];
  /**
   * `values` is reused for the next row: take the values out, do not keep it. `handles`, when
   * the rows were parsed on the reading thread, are the numbers of the row's `handles.keys`.
   */
  unpack(values: readonly Value[], handles?: readonly number[]): R;
  /**
   * Keys the writing thread would look up in maps on every row (the row's own key, its shared
   * records): the reading thread numbers them, the same key the same number throughout the
   * file, and the writer indexes arrays with the numbers instead. `spaces`: per key, the
   * numbering it belongs to (a supervisor's e-mail in any of three columns is one person).
   */
  handles?: { spaces: readonly number[]; keys(row: R): (string | null)[] };
}
