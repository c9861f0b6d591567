// CSV written for people (SPEC §8): UTF-8 with BOM and `;` so Dutch Excel opens it as columns,
// dates DD-MM-YYYY, decimal comma; `--csv-dialect rfc4180` gives `,`, ISO dates and a decimal
// point for programs. Cells that a spreadsheet would run as a formula are written as text.
import { stringify } from 'csv-stringify/sync';
import { UsageError } from '../errors.js';

export type CsvDialect = 'excel' | 'rfc4180';
export type ColumnKind = 'text' | 'date' | 'number';

export interface CsvColumn {
  header: string;
  kind?: ColumnKind;
}

export function parseDialect(v: string | undefined): CsvDialect {
  if (v === undefined || v === 'excel' || v === 'nl') return 'excel';
  if (v === 'rfc4180') return 'rfc4180';
  throw new UsageError(`--csv-dialect: "${v}" is onbekend; kies excel of rfc4180`);
}

// CSV injection: =, +, -, @, tab and CR start a formula or break a cell in spreadsheets.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(v: unknown, kind: ColumnKind, dialect: CsvDialect): string {
  if (v === null || v === undefined) return '';
  if (kind === 'number' && typeof v === 'number') {
    const s = String(Math.round(v * 10000) / 10000);
    return dialect === 'excel' ? s.replace('.', ',') : s;
  }
  if (kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    return dialect === 'excel' ? `${v.slice(8, 10)}-${v.slice(5, 7)}-${v.slice(0, 4)}` : v;
  }
  const s = typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 'ja' : 'nee') : JSON.stringify(v);
  // a leading apostrophe is how spreadsheets themselves mark text
  return FORMULA_START.test(s) ? `'${s}` : s;
}

export function peopleCsv(columns: readonly CsvColumn[], rows: readonly (readonly unknown[])[], dialect: CsvDialect = 'excel'): string {
  const body = stringify(
    [columns.map((c) => c.header), ...rows.map((r) => columns.map((c, i) => cell(r[i], c.kind ?? 'text', dialect)))],
    { delimiter: dialect === 'excel' ? ';' : ',', record_delimiter: dialect === 'excel' ? '\r\n' : '\n', quoted_match: /[\r\n]/ },
  );
  return dialect === 'excel' ? `\uFEFF${body}` : body;
}
