// bpv hours list (approve and correct join with the validator)
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { fmtDate, fmtNumber } from '../i18n/lang.js';
import { msg } from '../i18n/messages.js';
import { todayIso } from '../domain/dates.js';
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
      const { listTimesheets, placementExists } = await import('../db/timesheets.js');
      const rows = await withDb(cmd, false, (db) => {
        if (o.placement && !placementExists(db, o.placement)) throw new UsageError(msg().placementNotFound(o.placement));
        return listTimesheets(db, { placement: o.placement, from: isoDateFlag('--from', o.from), to: isoDateFlag('--to', o.to) });
      });
      if (o.json) return cli.io.out(json(rows));
      cli.io.out(table(['plaatsing', 'datum', 'uren', 'soort', 'status', 'akkoord', 'werkzaamheden'],
        rows.map((r) => [r.plaatsing_id, fmtDate(r.datum), fmtNumber(r.uren), r.soort, r.status, fmtDate(r.goedgekeurd_op),
          (r.werkzaamheden ?? '').replace(/\s+/g, ' ').slice(0, 50)]), { right: [2] }));
    }));
  group
    .command('approve')
    .description('akkoord gehele week: keur elke urenregel van de week goed')
    .argument('<id>', 'plaatsing_id')
    .requiredOption('--week <JJJJ-Www>', 'de ISO-week, bv. 2026-W47')
    .option('--by <naam>', 'wie het akkoord geeft (standaard: de praktijkopleider van de plaatsing)')
    .option('--on <datum>', 'datum van het akkoord (standaard vandaag)')
    .action(cli.run(async (id: string, o: { week: string; by?: string; on?: string }, cmd: Command) => {
      const [{ approveWeek }, { getPlacement }] = await Promise.all([import('../db/actions.js'), import('../db/placements.js')]);
      const r = await withDb(cmd, true, (db) => {
        // an empty --by is no name: the default, not an approver called ''
        const by = o.by?.trim() || (getPlacement(db, id)?.praktijkopleider ?? null);
        return approveWeek(db, id, o.week, isoDateFlag('--on', o.on) ?? todayIso(), by, todayIso());
      });
      cli.io.err(msg().approved(r.placement, r.week, r.approved, r.alreadyApproved));
    }));
  group
    .command('correct')
    .description('vraag de student een week of dag te corrigeren')
    .argument('<id>', 'plaatsing_id')
    .option('--week <JJJJ-Www>', 'de ISO-week, bv. 2026-W47')
    .option('--day <datum>', 'één dag')
    .option('--note <tekst>', 'wat er gecorrigeerd moet worden')
    .action(cli.run(async (id: string, o: { week?: string; day?: string; note?: string }, cmd: Command) => {
      if (!!o.week === !!o.day) throw new UsageError(msg().weekOrDay());
      const day = isoDateFlag('--day', o.day);
      const { requestCorrection, weekRange } = await import('../db/actions.js');
      const range = o.week ? { ...weekRange(o.week), label: o.week } : { from: day!, to: day!, label: fmtDate(day) };
      const r = await withDb(cmd, true, (db) => requestCorrection(db, id, range, o.note ?? null));
      cli.io.err(msg().correctionAsked(id, range.label, r.entries, r.withdrawn));
    }));
  return group;
}
