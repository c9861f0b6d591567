// What every command needs: the database path from --db / BPV_DB, opening it read or write,
// and closing it whatever happens.
import type { Command } from 'commander';
import fs from 'node:fs';
import { loadSqliteSoon, openDb, openScratchDb, removeDbFiles, resolveDbPath, type Db } from '../db/open.js';

export function dbPathOf(cmd: Command): string {
  const o = cmd.optsWithGlobals() as { db?: string };
  return resolveDbPath(o.db);
}

export interface DbMode {
  write: boolean;
  /** create the file when missing: init, import and config set only */
  create?: boolean;
  /** a dry run on a missing database checks against an empty one in memory, creating nothing */
  scratchIfMissing?: boolean;
}

export async function withDb<T>(cmd: Command, mode: boolean | DbMode, fn: (db: Db, file: string) => T | Promise<T>): Promise<T> {
  const m: DbMode = typeof mode === 'boolean' ? { write: mode } : mode;
  const file = dbPathOf(cmd);
  const db = m.scratchIfMissing && !fs.existsSync(file) ? openScratchDb() : openDb(file, { write: m.write, create: m.create ?? false });
  try {
    return await fn(db, file);
  } finally {
    db.close();
  }
}

/**
 * The database an import writes to, opened when the import asks (once its file proved usable);
 * a dry run on a missing one checks against an empty one. A file that turns out broken further
 * on (a quote never closed, bad UTF-8 in its last chunk) fails the import after the database
 * was opened: `close(true)` then removes a database this import created, so a typo in BPV_DB
 * leaves nothing behind either way.
 */
export function importDb(cmd: Command, dryRun: boolean): { open: () => Db; close: (failed: boolean) => void } {
  const file = dbPathOf(cmd);
  let db: Db | undefined;
  let created = false;
  loadSqliteSoon();
  return {
    open: () => {
      created = !fs.existsSync(file);
      // an empty file is no database yet: a dry run checks against an empty one in memory too
      const empty = !created && fs.statSync(file).size === 0;
      db = dryRun && (created || empty) ? openScratchDb() : openDb(file, { write: true, create: true });
      return db;
    },
    close: (failed) => {
      if (!db) return;
      db.close();
      db = undefined;
      if (failed && created && !dryRun) removeDbFiles(file);
    },
  };
}
