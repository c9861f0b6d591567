// A bulk load (the year's placements into an empty table, a million timesheet rows) in a
// rollback journal instead of the WAL. In WAL mode every new page is written twice: into the
// log at commit, then into the database at the checkpoint. A rollback journal holds only the
// pages that existed before, and a table being filled from empty has hardly any: the data is
// written once. Medians of interleaved runs: 100,000 placements 3.47 → 3.13 s, a million
// timesheet rows 5.35 → 4.93 s.
import type { Db } from './open.js';

/**
 * Switches to a rollback journal (with `synchronous = FULL`, its durable setting) for one
 * transaction, when this is the only connection using the file: SQLite refuses, at once, to
 * leave WAL mode while another has read from it and is still open, and then the load simply
 * runs in WAL mode. Returns what puts WAL mode back; call it after the commit or rollback.
 */
export function bulkJournal(db: Db): () => void {
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') return () => {};
  try {
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') return () => {};
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return () => {};
    throw e;
  }
  db.pragma('synchronous = FULL');
  return () => {
    // Back to WAL needs the file to itself: a process reading it now would make this wait the
    // whole busy timeout (10 s) after the data is committed. So it tries once; every open puts
    // WAL mode back (open.ts), so the next command does what this one could not.
    const timeout = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 0');
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    } catch {
      // another process is reading: see above
    } finally {
      db.pragma(`busy_timeout = ${timeout}`);
    }
  };
}
