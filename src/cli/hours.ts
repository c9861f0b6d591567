// bpv hours list (approve and correct join with the validator)
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { fmtDate, fmtNumber } from '../i18n/lang.js';
import { msg } from '../i18n/messages.js';
import { listTimesheets, placementExists } from '../db/timesheets.js';
import type { Cli } from './main.js';
import { withDb } from './context.js';
import { json } from './io.js';
import { isoDateFlag } from './placements.js';
import { table } from './table.js';

export function registerHours(program: Command, cli: Cli): Command {
  const group = program.command('hours').description('urenregistratie bekijken, akkoord geven, correctie vragen');
  group
    .command('list')
    .description('de urenregels, per plaatsing en datum')
    .option('--placement <id>', 'alleen deze plaatsing')
    .option('--from <datum>', 'vanaf deze datum')
    .option('--to <datum>', 'tot en met deze datum')
    .option('--json', 'als JSON (de importkolommen)')
    .action(cli.run(async (o: { placement?: string; from?: string; to?: string; json?: boolean }, cmd: Command) => {
      const rows = await withDb(cmd, false, (db) => {
        if (o.placement && !placementExists(db, o.placement)) throw new UsageError(msg().placementNotFound(o.placement));
        return listTimesheets(db, { placement: o.placement, from: isoDateFlag('--from', o.from), to: isoDateFlag('--to', o.to) });
      });
      if (o.json) return cli.io.out(json(rows));
      cli.io.out(table(['plaatsing', 'datum', 'uren', 'soort', 'status', 'akkoord', 'werkzaamheden'],
        rows.map((r) => [r.plaatsing_id, fmtDate(r.datum), fmtNumber(r.uren), r.soort, r.status, fmtDate(r.goedgekeurd_op),
          (r.werkzaamheden ?? '').replace(/\s+/g, ' ').slice(0, 50)]), { right: [2] }));
    }));
  return group;
}
