// bpv init | status | config | db
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { msg } from '../i18n/messages.js';
import { todayIso } from '../domain/dates.js';
import type { Cli } from './main.js';
import { dbPathOf, withDb } from './context.js';
import { onInterrupt } from './interrupt.js';
import { json } from './io.js';
import { table } from './table.js';

export function registerAdmin(program: Command, cli: Cli): void {
  const io = cli.io;
  program
    .command('init')
    .description('maak de database aan (of werk het schema bij)')
    .action(cli.run(async (_o: unknown, cmd: Command) => {
      // an empty file (made by `touch`, or left by a failed copy) is made a database here
      const existed = fs.existsSync(dbPathOf(cmd)) && fs.statSync(dbPathOf(cmd)).size > 0;
      const { audit } = await import('../db/audit.js');
      await withDb(cmd, { write: true, create: true }, (db, file) => {
        if (!existed) audit(db, { command: 'init' });
        io.err(existed ? msg().initExists(file) : msg().initCreated(file));
      });
    }));

  program
    .command('status')
    .description('in één oogopslag: lopende plaatsingen, uren, POK\'s, fouten')
    .option('--json', 'als JSON')
    .action(cli.run(async (o: { json?: boolean }, cmd: Command) => {
      const today = todayIso();
      const [{ runValidation }, { statusCounts }, { weeksWaitingForApproval }] = await Promise.all([
        import('./validation.js'), import('../db/maintenance.js'), import('../db/actions.js'),
      ]);
      const counts = await withDb(cmd, false, (db) => {
        const v = runValidation(db, {});
        return {
          ...statusCounts(db, today),
          weeks_waiting_for_approval: weeksWaitingForApproval(db),
          pok_unsigned: v.findings.filter((f) => f.rule === 'pok-ongetekend').length,
          error_findings: v.summary.error,
          warning_findings: v.summary.warning,
        };
      });
      if (o.json) return io.out(json(counts));
      const l = msg().statusLabels;
      io.out(table(['', l.count], [
        [l.placements, counts.placements],
        [l.active, counts.active],
        [l.students, counts.students],
        [l.companies, counts.companies],
        [l.praktijkopleiders, counts.praktijkopleiders],
        [l.entries, counts.timesheet_entries],
        [l.weeksWaiting, counts.weeks_waiting_for_approval],
        [l.pokUnsigned, counts.pok_unsigned],
        [l.errors, counts.error_findings ? io.c.red(String(counts.error_findings)) : 0],
        [l.warnings, counts.warning_findings ? io.c.yellow(String(counts.warning_findings)) : 0],
      ], { right: [1] }));
    }));

  const config = program.command('config').description('instellingen van de school en de regels');
  config
    .command('list')
    .description('alle instellingen met hun waarde')
    .option('--json', 'als JSON')
    .action(cli.run(async (o: { json?: boolean }, cmd: Command) => {
      const { listSettings } = await import('../db/settings.js');
      const rows = await withDb(cmd, false, (db) => listSettings(db));
      if (o.json) return io.out(json(Object.fromEntries(rows.map((r) => [r.key, r.value]))));
      io.out(table(['sleutel', 'waarde'], rows.map((r) => [r.key, r.value === null ? io.c.dim(msg().settingUnset()) : r.isDefault ? `${r.value} ${io.c.dim(msg().settingDefault())}` : r.value])));
    }));
  config
    .command('get')
    .description('de waarde van één instelling')
    .argument('<sleutel>')
    .action(cli.run(async (key: string, _o: unknown, cmd: Command) => {
      const { getSetting } = await import('../db/settings.js');
      const v = await withDb(cmd, false, (db) => getSetting(db, key));
      if (v === undefined) {
        io.err(msg().configNotSet(key));
        return EXIT.partial;
      }
      io.out(v);
    }));
  config
    .command('set')
    .description('stel een instelling in')
    .argument('<sleutel>')
    .argument('<waarde>')
    .action(cli.run(async (key: string, value: string, _o: unknown, cmd: Command) => {
      const [{ setSetting }, { audit }] = await Promise.all([import('../db/settings.js'), import('../db/audit.js')]);
      await withDb(cmd, { write: true, create: true }, (db) => {
        // IMMEDIATE: a transaction that reads first and then writes cannot wait for another
        // writer (SQLite refuses it at once, busy timeout or not)
        const r = db.transaction(() => {
          const res = setSetting(db, key, value);
          audit(db, { command: 'config set', changes: [{ entity: 'instelling', key, field: 'value', old: res.old, new: res.value }] });
          return res;
        }).immediate();
        io.err(msg().configSet(key, r.old, r.value));
      });
    }));

  const dbCmd = program.command('db').description('onderhoud van de database');
  dbCmd
    .command('backup')
    .description('maak een consistente kopie terwijl anderen doorwerken')
    .argument('<pad>')
    .action(cli.run(async (target: string, _o: unknown, cmd: Command) => {
      const abs = path.resolve(target);
      if (fs.existsSync(abs)) throw new UsageError(msg().backupExists(abs));
      // SQLite's own words for these were English, and an unexpected error (exit 70)
      const dir = path.dirname(abs);
      if (!fs.existsSync(dir)) throw new UsageError(msg().backupUnwritable(abs, msg().dirMissing(dir)));
      if (!fs.statSync(dir).isDirectory()) throw new UsageError(msg().backupUnwritable(abs, msg().notADir(dir)));
      try {
        fs.accessSync(dir, fs.constants.W_OK);
      } catch {
        throw new UsageError(msg().backupUnwritable(abs, msg().notWritable(dir)));
      }
      const { backupTo } = await import('../db/maintenance.js');
      // Ctrl-C halfway left a file by the backup's name that SQLite rolls back to an empty
      // database when it is next opened: a "backup" to find later, or to refuse the next one
      const uninterrupt = onInterrupt(() => {
        for (const f of [abs, `${abs}-journal`]) fs.rmSync(f, { force: true });
        io.err(io.ce.yellow(msg().backupInterrupted(abs)));
      });
      try {
        await withDb(cmd, false, async (db) => {
          await backupTo(db, abs);
        });
      } finally {
        uninterrupt();
      }
      io.err(msg().backupWritten(abs));
    }));
  dbCmd
    .command('check')
    .description('controleer integriteit en verwijzingen')
    .action(cli.run(async (_o: unknown, cmd: Command) => {
      const { checkDb } = await import('../db/maintenance.js');
      const problems = await withDb(cmd, false, (db) => checkDb(db));
      // the check's result, good or bad, is what the command gives: stdout (SPEC §8)
      if (problems.length) {
        io.out(msg().checkFailed(problems));
        return EXIT.database;
      }
      io.out(msg().checkOk());
    }));
}
