// Import of the SBB register of erkende leerbedrijven, or the school's extract of it (SPEC §2).
import type { Db } from '../db/open.js';
import type { FieldChange } from '../db/audit.js';
import type { ColumnSpec } from './headers.js';
import { msg } from '../i18n/messages.js';
import type { ImportKind, KindWriter, LoadHint, WriteOutcome } from './run.js';
import type { RowContext } from './row.js';
import { parseCrebo, parseDate, parseDigits } from './values.js';

export const RECOGNITION_COLUMNS: readonly ColumnSpec[] = [
  { name: 'kvk', required: true },
  { name: 'vestigingsnummer', required: false },
  { name: 'crebo', required: true },
  { name: 'erkend_vanaf', required: true },
  { name: 'erkend_tot', required: false },
  { name: 'leerbedrijf', required: false },
];

export interface RecognitionRow {
  kvk: string;
  vestigingsnummer: string | null;
  crebo: string;
  erkend_vanaf: string;
  erkend_tot: string | null;
  leerbedrijf: string | null;
}

export function parseRecognitionRow(ctx: RowContext): RecognitionRow | undefined {
  const kvk = ctx.parse('kvk', (v) => parseDigits(v, 8, 'kvk'), true);
  const vestigingsnummer = ctx.parse('vestigingsnummer', (v) => parseDigits(v, 12, 'vestigingsnummer'), false);
  const crebo = ctx.parse('crebo', parseCrebo, true);
  const vanaf = ctx.parse('erkend_vanaf', parseDate, true);
  const tot = ctx.parse('erkend_tot', parseDate, false);
  if (vanaf && tot && tot < vanaf) ctx.error('erkend_tot', msg().recognitionEndBeforeStart(ctx.raw('erkend_tot'), ctx.raw('erkend_vanaf')));
  if (ctx.errors.length) return undefined;
  return { kvk: kvk!, vestigingsnummer, crebo: crebo!, erkend_vanaf: vanaf!, erkend_tot: tot, leerbedrijf: ctx.get('leerbedrijf') };
}

function recognitionWriter(db: Db, { has }: LoadHint): KindWriter<RecognitionRow> {
  const insert = db.prepare(
    `INSERT INTO recognitions (kvk, vestigingsnummer, crebo, erkend_vanaf, erkend_tot, leerbedrijf) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  const select = db.prepare(
    `SELECT id, erkend_tot, leerbedrijf FROM recognitions
      WHERE kvk = ? AND ifnull(vestigingsnummer, '') = ifnull(?, '') AND crebo = ? AND erkend_vanaf = ?`,
  );
  const update = db.prepare('UPDATE recognitions SET erkend_tot = ?, leerbedrijf = ? WHERE id = ?');
  return {
    key: (r) => `${r.kvk}\u0000${r.vestigingsnummer ?? ''}\u0000${r.crebo}\u0000${r.erkend_vanaf}`,
    write(r): WriteOutcome {
      if (insert.run(r.kvk, r.vestigingsnummer, r.crebo, r.erkend_vanaf, r.erkend_tot, r.leerbedrijf).changes === 1) return { status: 'inserted' };
      const old = select.get(r.kvk, r.vestigingsnummer, r.crebo, r.erkend_vanaf) as { id: number; erkend_tot: string | null; leerbedrijf: string | null };
      const key = [r.kvk, r.vestigingsnummer, r.crebo, r.erkend_vanaf].filter(Boolean).join('/');
      const changes: FieldChange[] = [];
      // an empty erkend_tot is open-ended; a file without the column says nothing of the end
      const tot = has('erkend_tot') ? r.erkend_tot : old.erkend_tot;
      if (old.erkend_tot !== tot) changes.push({ entity: 'erkenning', key, field: 'erkend_tot', old: old.erkend_tot, new: tot });
      // an extract without the company name does not clear one the register gave
      const naam = r.leerbedrijf ?? old.leerbedrijf;
      if (old.leerbedrijf !== naam) changes.push({ entity: 'erkenning', key, field: 'leerbedrijf', old: old.leerbedrijf, new: naam });
      if (!changes.length) return { status: 'unchanged' };
      update.run(tot, naam, old.id);
      return { status: 'updated', changes };
    },
  };
}

export const recognitionsImport: ImportKind<RecognitionRow> = {
  kind: 'recognitions',
  columns: RECOGNITION_COLUMNS,
  keyColumn: 'crebo',
  parse: parseRecognitionRow,
  table: 'recognitions',
  rowBytes: 60,
  writer: recognitionWriter,
};
