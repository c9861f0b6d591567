// bpv demo [DIR]: the main job on the shipped fixtures, in a fresh database of its own, so a
// new user sees every step work before touching real data.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { openDb } from '../db/open.js';
import { setSetting } from '../db/settings.js';
import { listPlacements, studentName } from '../db/placements.js';
import { statusCounts } from '../db/maintenance.js';
import { IMPORT_KINDS } from '../import/kinds.js';
import { runImport } from '../import/run.js';
import { fmtDate } from '../i18n/lang.js';
import { EXIT } from '../errors.js';
import type { Cli } from './main.js';
import { renderSummary } from './import.js';
import { table } from './table.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export const DEMO_SCHOOL: Record<string, string> = {
  'school.naam': 'ROC De Nieuwe Vaart',
  'school.brin': '25ZZ',
  'school.adres': 'Vaartweg 12',
  'school.postcode': '3511 AB',
  'school.plaats': 'Utrecht',
  'school.telefoon': '030 123 45 67',
  'school.email': 'bureauwerkenstage@rocdenieuwevaart.nl',
  'school.regio': 'midden',
};

export function registerDemo(program: Command, cli: Cli): void {
  program
    .command('demo')
    .description('doe het hele werk op de meegeleverde voorbeeldbestanden, in een eigen map')
    .argument('[map]', 'waar alles komt', 'bpv-demo')
    .action(cli.run(async (dirArg: string) => {
      const io = cli.io;
      const dir = path.resolve(dirArg);
      fs.mkdirSync(dir, { recursive: true });
      const dbFile = path.join(dir, 'bpv.db');
      // a fresh database every time, whatever BPV_DB or --db say
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
      const step = (t: string) => io.err(io.ce.bold.cyan(`\n▸ ${t}`));
      const db = openDb(dbFile, { write: true });
      try {
        step(`Nieuwe database ${dbFile}`);
        for (const [k, v] of Object.entries(DEMO_SCHOOL)) setSetting(db, k, v);
        io.err(`Schoolgegevens ingesteld: ${DEMO_SCHOOL['school.naam']} (${DEMO_SCHOOL['school.brin']}), regio ${DEMO_SCHOOL['school.regio']}`);

        for (const [file, note] of [
          ['plaatsingen.csv', 'Excel-export: puntkomma, Windows-1252'],
          ['plaatsingen-utf8.csv', 'UTF-8 met BOM, komma'],
        ] as const) {
          step(`bpv import placements fixtures/${file}   (${note})`);
          const s = await runImport(db, IMPORT_KINDS.placements!, path.join(FIXTURES, file), {});
          renderSummary(io, s, {});
        }

        step('bpv placements list --active-on vandaag (eerste 10)');
        const today = new Date().toISOString().slice(0, 10);
        const active = listPlacements(db, { activeOn: today });
        io.out(table(['plaatsing', 'naam', 'leerweg', 'leerbedrijf', 'einde'],
          active.slice(0, 10).map((p) => [p.plaatsing_id, studentName(p), p.leerweg, p.leerbedrijf, fmtDate(p.effectieve_einddatum)])));
        const c = statusCounts(db, today);
        io.err(`${c.placements} plaatsingen (${c.active} lopend), ${c.students} studenten, ${c.companies} leerbedrijven, ${c.praktijkopleiders} praktijkopleiders.`);

        step('Klaar');
        io.err(`Alles staat in ${dir}. Kijk verder met:\n  bpv --db ${path.relative(process.cwd(), dbFile) || dbFile} placements list`);
      } finally {
        db.close();
      }
      return EXIT.ok;
    }));
}
