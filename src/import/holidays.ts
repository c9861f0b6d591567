// Import of a school's own holiday calendar (SPEC §2). The file replaces, per region, every
// school year it covers; other years, and other regions, stay as they were.
import type { Db } from '../db/open.js';
import type { FieldChange } from '../db/audit.js';
import { schoolYear } from '../domain/dates.js';
import { REGIOS, type Regio } from '../domain/types.js';
import { msg } from '../i18n/messages.js';
import type { ColumnSpec } from './headers.js';
import type { ImportKind, KindWriter } from './run.js';
import type { RowContext, RowWarning } from './row.js';
import { shippedHolidays } from '../holidays/calendar.js';
import { parseDate, parseOneOf } from './values.js';

export const HOLIDAY_COLUMNS: readonly ColumnSpec[] = [
  { name: 'naam', required: true },
  { name: 'regio', required: true },
  { name: 'begin', required: true },
  { name: 'eind', required: true },
];

export interface HolidayRow {
  naam: string;
  regios: Regio[];
  begin: string;
  eind: string;
}

export function parseHolidayRow(ctx: RowContext): HolidayRow | undefined {
  const naam = ctx.required('naam');
  const regio = ctx.parse('regio', (v) => parseOneOf(v, [...REGIOS, 'alle'] as const), true);
  const begin = ctx.parse('begin', parseDate, true);
  const eind = ctx.parse('eind', parseDate, true);
  if (begin && eind && eind < begin) ctx.error('eind', msg().holidayEndBeforeBegin(ctx.raw('eind'), ctx.raw('begin')));
  if (ctx.errors.length) return undefined;
  return { naam: naam!, regios: regio === 'alle' ? [...REGIOS] : [regio as Regio], begin: begin!, eind: eind! };
}

interface Stored {
  naam: string;
  begin: string;
  eind: string;
}

function holidayWriter(db: Db): KindWriter<HolidayRow> {
  const rows: { row: HolidayRow; line: number }[] = [];
  const status = new Map<number, 'inserted' | 'updated' | 'unchanged'>();
  const existing = db.prepare('SELECT naam, begin, eind FROM holidays WHERE regio = ? AND schooljaar = ?');
  return {
    key: (row) => `${row.regios.join(',')}\u0000${row.naam.toLowerCase()}\u0000${row.begin}`,
    write(row, ctx) {
      rows.push({ row, line: ctx.line });
      // the real count is settled in finish(), once every year of the file is known
      return { status: 'unchanged' };
    },
    finish() {
      const years = new Map<string, { regio: Regio; jaar: string; items: { h: Stored; line: number }[] }>();
      for (const { row, line } of rows) {
        for (const regio of row.regios) {
          const jaar = schoolYear(row.begin);
          const k = `${regio}/${jaar}`;
          if (!years.has(k)) years.set(k, { regio, jaar, items: [] });
          years.get(k)!.items.push({ h: { naam: row.naam, begin: row.begin, eind: row.eind }, line });
        }
      }
      const changes: FieldChange[] = [];
      const del = db.prepare('DELETE FROM holidays WHERE regio = ? AND schooljaar = ?');
      const ins = db.prepare('INSERT INTO holidays (regio, schooljaar, naam, begin, eind) VALUES (?, ?, ?, ?, ?)');
      const rank = { unchanged: 0, inserted: 1, updated: 2 } as const;
      const bump = (line: number, s: 'inserted' | 'updated' | 'unchanged') => {
        const cur = status.get(line);
        if (!cur || rank[s] > rank[cur]) status.set(line, s);
      };
      const warnings: RowWarning[] = [];
      for (const { regio, jaar, items } of years.values()) {
        const old = existing.all(regio, jaar) as Stored[];
        // What the year loses, said: a file with one holiday of a year replaced all the others
        // (imported before, or the shipped calendar's) without a word.
        const before = old.length ? old : shippedHolidays().vakanties.filter((h) => h.regio === regio && h.schooljaar === jaar);
        const dropped = before.filter((o) => !items.some(({ h }) => h.naam.toLowerCase() === o.naam.toLowerCase()));
        if (dropped.length) {
          warnings.push({ line: items[0]!.line, column: 'regio', message: msg().holidaysDropped(regio, jaar, dropped.map((d) => d.naam), !old.length) });
          for (const d of old.length ? dropped : []) {
            changes.push({ entity: 'vakantie', key: `${regio}/${jaar}/${d.naam}`, field: 'periode', old: `${d.begin}/${d.eind}`, new: null });
          }
        }
        const same = old.length === items.length && items.every(({ h }) => old.some((o) => o.naam === h.naam && o.begin === h.begin && o.eind === h.eind));
        for (const { h, line } of items) {
          const match = old.find((o) => o.naam.toLowerCase() === h.naam.toLowerCase());
          bump(line, !old.length || !match ? 'inserted' : match.begin === h.begin && match.eind === h.eind && match.naam === h.naam ? 'unchanged' : 'updated');
          if (match && (match.begin !== h.begin || match.eind !== h.eind)) {
            changes.push({ entity: 'vakantie', key: `${regio}/${jaar}/${h.naam}`, field: 'periode', old: `${match.begin}/${match.eind}`, new: `${h.begin}/${h.eind}` });
          }
        }
        if (same) continue;
        del.run(regio, jaar);
        for (const { h } of items) ins.run(regio, jaar, h.naam, h.begin, h.eind);
      }
      let promoted = 0;
      let demoted = 0;
      for (const s of status.values()) {
        if (s === 'updated') promoted++;
        if (s === 'inserted') demoted++;
      }
      // write() counted every row unchanged; move the settled ones across
      return { toUpdated: promoted, toInserted: demoted, changes, warnings };
    },
  };
}

export const holidaysImport: ImportKind<HolidayRow> = {
  kind: 'holidays',
  columns: HOLIDAY_COLUMNS,
  keyColumn: 'naam',
  parse: parseHolidayRow,
  table: 'holidays',
  rowBytes: 60,
  writer: holidayWriter,
};
