// Loaded with `node --import` by the bench: records the process's peak memory (KiB) on exit,
// and, when BENCH_CPU_FILE is set, appends its CPU time (user + system, all threads, in ms).
import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';

process.on('exit', () => {
  if (!isMainThread) return;
  const usage = process.resourceUsage();
  if (process.env.BENCH_RSS_FILE) fs.writeFileSync(process.env.BENCH_RSS_FILE, String(usage.maxRSS));
  if (process.env.BENCH_CPU_FILE) fs.appendFileSync(process.env.BENCH_CPU_FILE, `${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
});
