// bpv holidays list [--regio R]
import type { Command } from 'commander';
import { Option } from 'commander';
import { fmtDate } from '../i18n/lang.js';
import type { Regio } from '../domain/types.js';
import type { Cli } from './main.js';
import { withDb } from './context.js';
import { json } from './io.js';
import { table } from './table.js';

export function registerHolidays(program: Command, cli: Cli): void {
  const group = program.command('holidays').description('schoolvakanties die gelden');
  group
    .command('list')
    .description('de schoolvakanties per regio: meegeleverd (Rijksoverheid) of door de school geïmporteerd')
    .addOption(new Option('--regio <regio>', 'alleen deze regio').choices(['noord', 'midden', 'zuid']))
    .option('--json', 'als JSON')
    .action(cli.run(async (o: { regio?: Regio; json?: boolean }, cmd: Command) => {
      const { holidaysInForce } = await import('../holidays/calendar.js');
      const rows = await withDb(cmd, false, (db) => holidaysInForce(db, o.regio));
      if (o.json) return cli.io.out(json(rows));
      cli.io.out(table(['regio', 'schooljaar', 'vakantie', 'begin', 'eind', 'bron'],
        rows.map((h) => [h.regio, h.schooljaar, h.naam, fmtDate(h.begin), fmtDate(h.eind), h.bron])));
    }));
}
