// What Ctrl-C must say or tidy. A command with nothing of either (validate, status, a list)
// keeps the default: the process ends at once, even inside seconds of synchronous work (a
// JavaScript handler would run only after it: 5 s later for validate on a million rows).
// An import says that nothing of it was saved (its open transaction is SQLite's to discard),
// a report removes the files it made empty while reading, a POK run finishes the file it is
// writing: for those the handler below runs, between two steps of the work.
const cleanups = new Set<() => void>();
let listening = false;

function onSignal(): void {
  runInterruptCleanups();
  process.exit(130);
}

function listen(on: boolean): void {
  if (on === listening) return;
  listening = on;
  if (on) process.on('SIGINT', onSignal);
  else process.off('SIGINT', onSignal);
}

/** Runs `fn` if the run is interrupted; returns what unregisters it. */
export function onInterrupt(fn: () => void): () => void {
  cleanups.add(fn);
  listen(true);
  return () => {
    cleanups.delete(fn);
    if (cleanups.size === 0) listen(false);
  };
}

export function runInterruptCleanups(): void {
  for (const fn of cleanups) {
    try {
      fn();
    } catch {
      // tidying is best effort: the process is ending either way
    }
  }
  cleanups.clear();
}
