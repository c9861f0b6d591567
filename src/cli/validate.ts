// bpv validate: the timesheet rules of SPEC §4, for a person at a terminal and for cron.
import { Option, type Command } from 'commander';
import type { Finding, Severity } from '../domain/types.js';
import { EXIT, UsageError } from '../errors.js';
import { fmtDate, lang } from '../i18n/lang.js';
import { msg } from '../i18n/messages.js';
import { peopleCsv, parseDialect } from '../output/csv.js';
import type { ValidationResult } from '../rules/engine.js';
import type { Cli } from './main.js';
import { withDb } from './context.js';
import type { Io } from './io.js';
import type { ValidateFlags } from './validation.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function registerValidate(program: Command, cli: Cli): void {
  program
    .command('validate')
    .description('controleer de urenregistratie tegen de regels (voor mensen en voor nachtelijke taken)')
    .option('--as-of <datum>', 'peildatum: elke regel die van "nu" afhangt gebruikt deze datum (standaard vandaag)')
    .option('--placement <id>', 'alleen deze plaatsing (herhaalbaar)', collect)
    .option('--praktijkopleider <email>', 'alleen de plaatsingen van deze praktijkopleider')
    .option('--from <datum>', 'alleen bevindingen vanaf deze datum')
    .option('--to <datum>', 'alleen bevindingen tot en met deze datum')
    .option('--rule <code>', 'alleen deze regel (herhaalbaar)', collect)
    .addOption(new Option('--format <vorm>', 'uitvoer').choices(['table', 'json', 'csv']).default('table'))
    .addOption(new Option('--fail-on <ernst>', 'exit 1 vanaf deze ernst').choices(['error', 'warning', 'never']).default('error'))
    .addOption(new Option('--csv-dialect <dialect>', 'excel (; en DD-MM-JJJJ) of rfc4180 (, en ISO)').choices(['excel', 'rfc4180']).default('excel'))
    .action(cli.run(async (o: ValidateFlags & { format: string; failOn: string; csvDialect: string }, cmd: Command) => {
      const [{ runValidation }, { missingPlacementIds, placementNames, placementsNotOf, unknownPraktijkopleiders }, { ruleNote }, { reportMsg }] = await Promise.all([
        import('./validation.js'), import('../db/placements.js'), import('../i18n/rule-notes.js'), import('../i18n/report.js'),
      ]);
      const { result, names } = await withDb(cmd, false, (db) => {
        // a mistyped id or address in a nightly job must not read as "no findings"
        const missing = o.placement?.length ? missingPlacementIds(db, o.placement) : [];
        if (missing.length) throw new UsageError(ruleNote.unknownPlacements(missing, lang()));
        const unknown = o.praktijkopleider ? unknownPraktijkopleiders(db, [o.praktijkopleider]) : [];
        if (unknown.length) throw new UsageError(reportMsg().unknownPo(unknown));
        // both: a placement of another praktijkopleider gives no findings, which is not "none"
        const others = o.placement?.length && o.praktijkopleider ? placementsNotOf(db, o.placement, o.praktijkopleider) : [];
        if (others.length) throw new UsageError(msg().placementsNotOfPo(others, o.praktijkopleider!));
        return { result: runValidation(db, o), names: o.format === 'table' ? placementNames(db) : new Map<string, string>() };
      });
      if (o.format === 'json') cli.io.out(JSON.stringify(result));
      else if (o.format === 'csv') {
        process.stdout.write(findingsCsv(result.findings, o.csvDialect));
        // the CSV has no place for them: rules that did not run are said beside it, not lost
        for (const n of result.notes) cli.io.err(`• ${n}`);
      }
      else renderTable(cli.io, result, names);
      const s = result.summary;
      const failing = o.failOn === 'never' ? 0 : o.failOn === 'warning' ? s.error + s.warning : s.error;
      return failing > 0 ? EXIT.partial : EXIT.ok;
    }));
}

export function findingsCsv(findings: readonly Finding[], dialect: string): string {
  return peopleCsv(
    [{ header: 'regel' }, { header: 'ernst' }, { header: 'plaatsing' }, { header: 'student' }, { header: 'datum', kind: 'date' },
      { header: 'week' }, { header: 'melding' }, { header: 'details' }],
    findings.map((f) => [f.rule, f.severity, f.placement, f.student, f.date, f.week, f.message, JSON.stringify(f.details)]),
    parseDialect(dialect),
  );
}

function renderTable(io: Io, r: ValidationResult, names: Map<string, string>): void {
  const colour = (s: Severity, t: string) => (s === 'error' ? io.c.red(t) : s === 'warning' ? io.c.yellow(t) : io.c.cyan(t));
  const lines: string[] = [];
  const m = msg();
  let current = '';
  for (const f of r.findings) {
    if (f.placement !== current) {
      current = f.placement;
      const naam = names.get(f.placement);
      lines.push('', io.c.bold(`${f.placement}  student ${f.student}${naam ? `  ${naam}` : ''}`));
    }
    const when = f.date ? fmtDate(f.date) : f.week ?? '';
    lines.push(`  ${colour(f.severity, m.severity[f.severity].padEnd(12))} ${f.rule.padEnd(17)} ${when.padEnd(10)}  ${f.message}`);
  }
  const s = r.summary;
  if (!r.findings.length) lines.push(io.c.green(m.validateNone(fmtDate(r.as_of))));
  const [errors, warnings, info] = m.validateCounts(s.error, s.warning, s.info);
  lines.push('', `${io.c.red(errors)}, ${io.c.yellow(warnings)}, ${info} — ${m.asOf(fmtDate(r.as_of))}`);
  for (const n of r.notes) lines.push(io.c.dim(`• ${n}`));
  io.out(lines.join('\n').replace(/^\n/, ''));
}

