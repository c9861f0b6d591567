// The school holidays in force (SPEC §2): the Rijksoverheid calendar shipped in
// data/schoolvakanties.json, where an import replaces a region's whole school year.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/open.js';
import type { Holiday, Regio } from '../domain/types.js';

export interface HolidayInForce extends Holiday {
  schooljaar: string;
  bron: 'rijksoverheid' | 'school';
}

interface ShippedFile {
  bron: string;
  vakanties: { schooljaar: string; naam: string; regio: Regio; begin: string; eind: string }[];
}

const SHIPPED_URL = new URL('../../data/schoolvakanties.json', import.meta.url);
let shipped: ShippedFile | undefined;

export function shippedHolidays(): ShippedFile {
  shipped ??= JSON.parse(fs.readFileSync(fileURLToPath(SHIPPED_URL), 'utf8')) as ShippedFile;
  return shipped;
}

export function holidaysInForce(db: Db, regio?: Regio): HolidayInForce[] {
  const imported = db
    .prepare(`SELECT naam, regio, schooljaar, begin, eind FROM holidays ${regio ? 'WHERE regio = ?' : ''}`)
    .all(...(regio ? [regio] : [])) as Omit<HolidayInForce, 'bron'>[];
  const replaced = new Set(imported.map((h) => `${h.regio}/${h.schooljaar}`));
  const out: HolidayInForce[] = imported.map((h) => ({ ...h, bron: 'school' }));
  for (const h of shippedHolidays().vakanties) {
    if (regio && h.regio !== regio) continue;
    if (!replaced.has(`${h.regio}/${h.schooljaar}`)) out.push({ ...h, bron: 'rijksoverheid' });
  }
  return out.sort((a, b) => a.regio.localeCompare(b.regio) || a.begin.localeCompare(b.begin));
}
