// What Ctrl-C must tidy before the process ends. The handler in main.ts exits at once (an
// import's open transaction is SQLite's to discard); a report run has files it made empty
// while reading, which a finished run fills and an interrupted one must not leave behind.
const cleanups = new Set<() => void>();

/** Runs `fn` if the run is interrupted; returns what unregisters it. */
export function onInterrupt(fn: () => void): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
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
