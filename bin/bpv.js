#!/usr/bin/env node
// Runs the compiled CLI. `npm install` compiles it (the prepare script).
// The reading thread of a large import boots while the CLI's modules load (see early-reader).
import { startEarlyReader } from '../dist/import/early-reader.js';

startEarlyReader(process.argv);
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv);
