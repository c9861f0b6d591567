// bpv student export | purge (AVG)
import type { Command } from 'commander';
import { msg } from '../i18n/messages.js';
import type { Cli } from './main.js';
import { withDb } from './context.js';
import { json } from './io.js';
import { isoDateFlag } from './placements.js';

export function registerStudent(program: Command, cli: Cli): void {
  const group = program.command('student').description('privacy (AVG): alle gegevens van een student, of verwijderen na afloop');
  group
    .command('export')
    .description('alle gegevens over één student als JSON')
    .argument('<studentnummer>')
    .action(cli.run(async (nr: string, _o: unknown, cmd: Command) => {
      const { exportStudent } = await import('../db/privacy.js');
      cli.io.out(json(await withDb(cmd, false, (db) => exportStudent(db, nr))));
    }));
  group
    .command('purge')
    .description('verwijder de persoonsgegevens van plaatsingen die vóór DATUM eindigden')
    .requiredOption('--ended-before <datum>', 'plaatsingen met een (effectieve) einddatum vóór deze datum')
    .option('--dry-run', 'tel alleen wat er verwijderd zou worden')
    .option('--json', 'de aantallen als JSON')
    .action(cli.run(async (o: { endedBefore: string; dryRun?: boolean; json?: boolean }, cmd: Command) => {
      const date = isoDateFlag('--ended-before', o.endedBefore)!;
      const { purgeEndedBefore } = await import('../db/privacy.js');
      const r = await withDb(cmd, true, (db) => purgeEndedBefore(db, date, !!o.dryRun));
      if (o.json) cli.io.out(json(r));
      cli.io.err(msg().purged(r, !!o.dryRun));
    }));
}
