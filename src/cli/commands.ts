// The command tree. Each group lives in its own file; heavy modules load inside actions.
import type { Command } from 'commander';
import type { Cli } from './main.js';
import { registerAdmin } from './admin.js';
import { registerImport } from './import.js';
import { registerPlacements } from './placements.js';
import { registerDemo } from './demo.js';
import { registerHours } from './hours.js';
import { registerHolidays } from './holidays.js';
import { registerValidate } from './validate.js';
import { registerReport } from './report.js';
import { registerStudent } from './student.js';
import { registerPok } from './pok.js';

export function registerCommands(program: Command, cli: Cli): void {
  registerAdmin(program, cli);
  registerImport(program, cli);
  registerPlacements(program, cli);
  registerHours(program, cli);
  registerHolidays(program, cli);
  registerValidate(program, cli);
  registerReport(program, cli);
  registerPok(program, cli);
  registerStudent(program, cli);
  registerDemo(program, cli);
}
