// Opening the database: the one place that decides pragmas, creation, migration and
// refusal. Every command goes through openDb so a typo in BPV_DB can never create an empty
// file behind a read command's back.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DatabaseError } from '../errors.js';
import { msg } from '../i18n/messages.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type Db = Database.Database;

// Loaded on the first open, not with the command tree: `bpv --help` and usage errors need no
// database, and a command's heavy modules load while nothing waits for them (the report's
// second thread starts first).
let sqlite: typeof Database | undefined;
const Sqlite = (): typeof Database => (sqlite ??= createRequire(import.meta.url)('better-sqlite3') as typeof Database);

/**
 * Loads SQLite at the event loop's next turn, for a command that opens the database later
 * and waits for something else first: an import waits for its reading thread to read the
 * file's head, and loading SQLite then (some 20 ms) delayed its first rows. A failure to load
 * is left to the opening, which reports it.
 */
export function loadSqliteSoon(): void {
  setImmediate(() => {
    try {
      Sqlite();
    } catch {
      /* see openDb */
    }
  });
}

export interface OpenOptions {
  /** write commands may change the file; read commands refuse a missing one (exit 3) */
  write: boolean;
  /**
   * Only commands that bring data in (init, import, config set) create a missing file: a
   * typo in BPV_DB must not give `pok generate --all` or a purge a clean, empty run.
   */
  create?: boolean;
  /** milliseconds a second process waits for a lock before giving up */
  busyTimeoutMs?: number;
}

export function resolveDbPath(flag: string | undefined): string {
  return path.resolve(flag || process.env.BPV_DB || 'bpv.db');
}

let lastOpened = '';
/** The database most recently opened, to name it in errors raised mid-command. */
export function currentDbPath(): string {
  return lastOpened;
}

export function openDb(file: string, opts: OpenOptions): Db {
  lastOpened = file;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  const exists = stat !== undefined;
  const creates = opts.write && (opts.create ?? true);
  if (!exists && !creates) throw new DatabaseError(msg().dbMissing(file));
  if (stat?.isDirectory()) throw new DatabaseError(msg().dbIsDirectory(file));
  // SQLite takes an empty file for an empty database: a read would make the schema in a file
  // that `touch` or a failed copy left, and give a nightly job a clean run
  if (stat?.size === 0 && !creates) throw new DatabaseError(msg().dbEmptyFile(file));
  // an empty file that becomes the database (touched beforehand) holds personal data from now on
  if (stat?.size === 0) {
    try {
      fs.chmodSync(file, 0o600);
    } catch {
      // another user's file we may write to: its owner decides who reads it
    }
  }
  if (!exists) {
    const dir = path.dirname(file);
    if (!fs.existsSync(dir)) throw new DatabaseError(msg().dbDirMissing(dir));
    // a link to a file that is not there: creating through it would put the database elsewhere
    const link = fs.lstatSync(file, { throwIfNoEntry: false });
    if (link?.isSymbolicLink()) throw new DatabaseError(msg().dbDanglingLink(file, fs.readlinkSync(file)));
    // Create it ourselves with 0600 before SQLite touches it: it holds personal data of minors.
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  }
  let db: Db;
  try {
    db = new (Sqlite())(file, { fileMustExist: true, timeout: opts.busyTimeoutMs ?? 10_000 });
  } catch (e) {
    throw new DatabaseError(msg().dbOpenFailed(file, (e as Error).message));
  }
  try {
    prepare(db, file, exists, creates);
  } catch (e) {
    db.close();
    if (e instanceof DatabaseError) throw e;
    throw translateSqliteError(e, file);
  }
  return db;
}

const PEEK_MAX_BYTES = 64 << 20;

/**
 * A setting of an existing file, read without opening it as bpv does (no migration, no
 * schema check, nothing written, not even beside it): undefined when the file is not a
 * database, has no such setting, or cannot be read. For small files (a demo's database).
 */
export function peekSetting(file: string, key: string): string | undefined {
  try {
    // A copy in memory: opening the file, even read-only, leaves -wal and -shm files beside a
    // WAL database. Its header is set to the rollback journal, which a copy in memory needs;
    // what the WAL file holds is not seen (the setting is read from the file as checkpointed).
    // a demo's database is a few MB; a large file is not one, and is not read whole for a peek
    if (fs.statSync(file).size > PEEK_MAX_BYTES) return undefined;
    const image = fs.readFileSync(file);
    if (image.length >= 20 && image[18] === 2 && image[19] === 2) image[18] = image[19] = 1;
    const db = new (Sqlite())(image);
    try {
      return (db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? undefined;
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

/** Removes a database file with its WAL and shared-memory files (one this command created). */
export function removeDbFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/** An empty, current database in memory: for dry runs against a file that does not exist yet. */
export function openScratchDb(): Db {
  const db = new (Sqlite())(':memory:');
  prepare(db, ':memory:', false, true);
  return db;
}

/** Tables every version of bpv's schema has: a file with a user_version but without them is not bpv's. */
const BPV_TABLES = ['settings', 'placements', 'timesheets'];

function prepare(db: Db, file: string, existed: boolean, creates: boolean): void {
  // Reading user_version is the first real read: a file that is not SQLite fails here.
  const version = db.pragma('user_version', { simple: true }) as number;
  if (existed) {
    // bpv makes its tables and sets user_version in one transaction: tables without a version,
    // or a version without bpv's tables (many programs set user_version), are another
    // program's database, which a typo in BPV_DB must not turn into a bpv one
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const ours = BPV_TABLES.every((t) => tables.includes(t));
    if (version === 0 ? tables.length > 0 : !ours) throw new DatabaseError(msg().dbForeign(file, tables));
    // an SQLite file without tables is as empty as a 0-byte one (see openDb)
    if (version === 0 && !creates) throw new DatabaseError(msg().dbEmptyFile(file));
  }
  if (version > SCHEMA_VERSION) throw new DatabaseError(msg().dbTooNew(file, version, SCHEMA_VERSION));
  db.pragma('foreign_keys = ON');
  if (version < SCHEMA_VERSION) migrate(db, file, version, existed);
  const journal = getSetting(db, 'db.journal') ?? 'wal';
  db.pragma(`journal_mode = ${journal === 'delete' ? 'DELETE' : 'WAL'}`);
  // NORMAL is durable in WAL mode up to the last checkpoint and much faster than FULL.
  db.pragma('synchronous = NORMAL');
}

/** Brings the file from schema version `from` to the last of `migrations` (a parameter for tests). */
export function migrate(db: Db, file: string, from: number, existed: boolean, migrations: readonly string[] = MIGRATIONS): void {
  // a file at version 0 has no tables (see prepare): nothing to keep
  if (existed && from > 0) {
    const backup = `${file}.backup-v${from}-${Date.now()}`;
    // VACUUM INTO gives a consistent copy even while another reader has the file open; into
    // an empty file made 0600 first, so no copy of the data is ever readable by others
    fs.closeSync(fs.openSync(backup, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(backup);
    fs.chmodSync(backup, 0o600);
  }
  const run = db.transaction(() => {
    for (let v = from; v < migrations.length; v++) {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
  });
  run.immediate();
}

function getSetting(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function translateSqliteError(e: unknown, file: string): Error {
  const err = e as { code?: string; message?: string };
  // SQLite's extended codes (SQLITE_READONLY_DIRECTORY, SQLITE_IOERR_WRITE, …) by their primary code
  switch (err.code?.match(/^SQLITE_[A-Z]+/)?.[0]) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new DatabaseError(msg().dbBusy(file));
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return new DatabaseError(msg().dbCorrupt(file, err.message ?? ''));
    case 'SQLITE_READONLY':
      // SQLite's own words are English and do not say that a reader writes too (WAL)
      return new DatabaseError(msg().dbReadOnly(file, path.dirname(path.resolve(file))));
    case 'SQLITE_CANTOPEN':
      return new DatabaseError(msg().dbOpenFailed(file, err.message ?? ''));
    // at any write, not only at opening: "cannot be opened" sent people looking at the wrong thing
    case 'SQLITE_FULL':
      return new DatabaseError(msg().dbFull(file));
    case 'SQLITE_IOERR':
      return new DatabaseError(msg().dbIoError(file, err.message ?? ''));
    default:
      return e as Error;
  }
}
