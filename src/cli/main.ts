// The entry point: builds the command tree and is the one place that turns errors into exit
// codes (SPEC §8). Commands return their exit code; none calls process.exit, so stdout is
// always flushed before the process ends.
import { Command, CommanderError, Help, Option } from 'commander';
import { createRequire } from 'node:module';
import { BpvError, EXIT } from '../errors.js';
import { setLang } from '../i18n/lang.js';
import { translateCommanderError, translateHelpNote, translateHelpTitle } from '../i18n/commander.js';
import { msg } from '../i18n/messages.js';
import { currentDbPath, translateSqliteError } from '../db/open.js';
import { processIo, type Io } from './io.js';
import { registerCommands } from './commands.js';

export type Action = (...args: any[]) => Promise<number | void> | number | void;

export interface Cli {
  io: Io;
  /** wraps an action so its returned exit code is kept */
  run(action: Action): (...args: any[]) => Promise<void>;
}

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

export function buildProgram(io: Io, exit: { code: number }): Command {
  const program = new Command('bpv');
  // Must come before any subcommand is created, or their usage errors bypass our exit codes.
  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => process.stdout.write(s),
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => write(io.ce.red(translateCommanderError(s))),
  });
  // commander's own words on its help screens ("Usage:", "choices:"): subcommands inherit this
  program.configureHelp({
    styleTitle: translateHelpTitle,
    optionDescription(o) {
      return translateHelpNote(Help.prototype.optionDescription.call(this, o));
    },
    argumentDescription(a) {
      return translateHelpNote(Help.prototype.argumentDescription.call(this, a));
    },
  });
  program
    .description('BPV-administratie van het Bureau Werk & Stage: plaatsingen, uren, POK\'s en rapportages.')
    .version(version(), '-V, --version', 'toon het versienummer')
    .helpOption('-h, --help', 'toon hulp')
    .addOption(new Option('--db <pad>', 'SQLite-database (standaard ./bpv.db of BPV_DB)'))
    .addOption(new Option('--lang <taal>', 'taal van meldingen').choices(['nl', 'en']))
    .helpCommand('help [commando]', 'toon hulp bij een commando')
    .showSuggestionAfterError(true)
    .hook('preAction', (_this, action) => setLang((action.optsWithGlobals() as { lang?: string }).lang));
  const cli: Cli = {
    io,
    run: (action) => async (...args) => {
      const code = await action(...args);
      exit.code = Math.max(exit.code, typeof code === 'number' ? code : 0);
    },
  };
  registerCommands(program, cli);
  return program;
}

function preScanLang(argv: string[]): void {
  const i = argv.indexOf('--lang');
  if (i >= 0) setLang(argv[i + 1]);
  const eq = argv.find((a) => a.startsWith('--lang='));
  if (eq) setLang(eq.slice(7));
}

export async function main(argv: string[] = process.argv): Promise<number> {
  // A reader that stopped early (`bpv hours list | head -1`) wants no more: the rest is not
  // written and the run ends quietly, as `ls | head` does, not with a stack trace. The one
  // exit outside the commands: the pipe is gone, nothing more can be said.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  });
  const io = processIo();
  const exit = { code: 0 };
  preScanLang(argv);
  const program = buildProgram(io, exit);
  try {
    await program.parseAsync(argv);
    return exit.code;
  } catch (e) {
    return handleError(e, io);
  }
}

export function handleError(e: unknown, io: Io): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    // commander has already printed its message
    return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  const err = e instanceof BpvError ? e : translateSqliteError(e, currentDbPath());
  if (process.env.BPV_DEBUG === '1') io.err(String((e as Error)?.stack ?? e));
  if (err instanceof BpvError) {
    io.err(io.ce.red(`bpv: ${err.message}`));
    return err.exitCode;
  }
  if (process.env.BPV_DEBUG !== '1') io.err(io.ce.red(`bpv: ${msg().unexpected((e as Error)?.message ?? String(e))}`));
  return 70; // an internal error, distinct from every documented code
}
