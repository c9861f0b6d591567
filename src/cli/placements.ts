// bpv placements list | show
import { Option, type Command } from 'commander';
import type { EndReason } from '../domain/types.js';
import { UsageError } from '../errors.js';
import { fmtDate } from '../i18n/lang.js';
import { msg } from '../i18n/messages.js';
import { parseDate } from '../import/values.js';
import type { Cli } from './main.js';
import { withDb } from './context.js';
import { json } from './io.js';
import { table } from './table.js';

export function isoDateFlag(flag: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const r = parseDate(v);
  if (!r.ok) throw new UsageError(`${flag}: ${r.reason}`);
  return r.value;
}

export function registerPlacements(program: Command, cli: Cli): Command {
  const group = program.command('placements').description('plaatsingen bekijken en beëindigen');
  group
    .command('list')
    .description('alle plaatsingen, of een selectie')
    .option('--active-on <datum>', 'alleen plaatsingen die op deze datum lopen')
    .option('--praktijkopleider <email>', 'alleen plaatsingen van deze praktijkopleider')
    .option('--json', 'als JSON (de importkolommen)')
    .action(cli.run(async (o: { activeOn?: string; praktijkopleider?: string; json?: boolean }, cmd: Command) => {
      const [{ listPlacements, placementJson, studentName, unknownPraktijkopleiders }, { reportMsg }] = await Promise.all([
        import('../db/placements.js'), import('../i18n/report.js'),
      ]);
      const rows = await withDb(cmd, false, (db) => {
        // a mistyped address is not a supervisor without placements: as validate and report say
        const unknown = o.praktijkopleider ? unknownPraktijkopleiders(db, [o.praktijkopleider]) : [];
        if (unknown.length) throw new UsageError(reportMsg().unknownPo(unknown));
        return listPlacements(db, { activeOn: isoDateFlag('--active-on', o.activeOn), praktijkopleider: o.praktijkopleider });
      });
      if (o.json) return cli.io.out(json(rows.map(placementJson)));
      if (!rows.length) return cli.io.err(msg().noPlacements());
      cli.io.out(table(
        ['plaatsing', 'student', 'naam', 'leerweg', 'leerbedrijf', 'start', 'einde', 'praktijkopleider'],
        rows.map((p) => [p.plaatsing_id, p.studentnummer, studentName(p), p.leerweg, p.leerbedrijf, fmtDate(p.startdatum),
          fmtDate(p.effectieve_einddatum) + (p.beeindigd_reden ? ` (${p.beeindigd_reden})` : ''), p.email_praktijkopleider]),
      ));
    }));
  group
    .command('show')
    .description('één plaatsing, volledig')
    .argument('<id>', 'plaatsing_id')
    .option('--json', 'als JSON (de importkolommen)')
    .action(cli.run(async (id: string, o: { json?: boolean }, cmd: Command) => {
      const { getPlacement, placementJson } = await import('../db/placements.js');
      const p = await withDb(cmd, false, (db) => getPlacement(db, id));
      if (!p) throw new UsageError(msg().placementNotFound(id));
      const rec = placementJson(p);
      if (o.json) return cli.io.out(json(rec));
      const width = Math.max(...Object.keys(rec).map((k) => k.length));
      cli.io.out(Object.entries(rec)
        .map(([k, v]) => `${k.padEnd(width)}  ${v === null ? '' : typeof v === 'boolean' ? (v ? 'ja' : 'nee') : /datum$/.test(k) ? fmtDate(String(v)) : String(v)}`)
        .join('\n'));
    }));
  group
    .command('end')
    .description('beëindig een BPV voortijdig (overmacht, functioneren of anders)')
    .argument('<id>', 'plaatsing_id')
    .requiredOption('--date <datum>', 'de laatste dag van de BPV')
    .addOption(new Option('--reason <reden>', 'overmacht | functioneren | anders').choices(['overmacht', 'functioneren', 'anders']).makeOptionMandatory())
    .option('--note <tekst>', 'toelichting')
    .action(cli.run(async (id: string, o: { date: string; reason: EndReason; note?: string }, cmd: Command) => {
      const date = isoDateFlag('--date', o.date)!;
      const { endPlacement } = await import('../db/actions.js');
      await withDb(cmd, true, (db) => endPlacement(db, id, date, o.reason, o.note ?? null));
      cli.io.err(msg().ended(id, fmtDate(date), o.reason));
    }));
  return group;
}
