// CSV written for people (SPEC §8): UTF-8 with BOM and `;` so Dutch Excel opens it as columns,
// dates DD-MM-YYYY, decimal comma; `--csv-dialect rfc4180` gives `,`, ISO dates and a decimal
// point for programs. Cells that a spreadsheet would run as a formula are written as text.
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

// Quoted when a spreadsheet would otherwise split the cell: the delimiter, a quote, or a line
// break of either kind (Excel puts a lone LF inside a cell). Written by hand rather than with
// csv-stringify: the monthly report writes a hundred thousand rows, and this is the same
// output (test/csv-output.test.ts checks it against csv-stringify) about ten times faster.
function quote(s: string, delimiter: string): string {
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}

export function peopleCsv(columns: readonly CsvColumn[], rows: readonly (readonly unknown[])[], dialect: CsvDialect = 'excel'): string {
  const delimiter = dialect === 'excel' ? ';' : ',';
  const eol = dialect === 'excel' ? '\r\n' : '\n';
  const kinds = columns.map((c) => c.kind ?? 'text');
  const lines: string[] = [columns.map((c) => quote(c.header, delimiter)).join(delimiter)];
  for (const r of rows) {
    let line = '';
    for (let i = 0; i < kinds.length; i++) {
      if (i > 0) line += delimiter;
      line += quote(cell(r[i], kinds[i]!, dialect), delimiter);
    }
    lines.push(line);
  }
  const body = lines.join(eol) + eol;
  return dialect === 'excel' ? `\uFEFF${body}` : body;
}
