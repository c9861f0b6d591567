// bpv demo [DIR]: the whole job on the shipped fixtures (demo-run.ts, loaded when it runs).
import type { Command } from 'commander';
import type { Cli } from './main.js';

export function registerDemo(program: Command, cli: Cli): void {
  program
    .command('demo')
    .description('doe het hele werk op de meegeleverde voorbeeldbestanden, in een eigen map')
    .argument('[map]', 'waar alles komt', 'bpv-demo')
    .action(cli.run(async (dirArg: string) => (await import('./demo-run.js')).runDemo(cli.io, dirArg)));
}
