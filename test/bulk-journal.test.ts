// A bulk load's rollback journal (src/db/bulk-journal.ts): taken only when this is the only
// connection, and given back without waiting when another process reads at that moment.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bulkJournal } from '../src/db/bulk-journal.js';
import { tempDir } from './helpers.js';

function walDb(file: string): Database.Database {
  const db = new Database(file, { timeout: 5_000 });
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS t (x)');
  return db;
}

describe('bulkJournal', () => {
  it('switches to a rollback journal and back when alone', () => {
    const db = walDb(path.join(tempDir(), 'a.db'));
    const restore = bulkJournal(db);
    expect([db.pragma('journal_mode', { simple: true }), db.pragma('synchronous', { simple: true })]).toEqual(['delete', 2]);
    restore();
    expect([db.pragma('journal_mode', { simple: true }), db.pragma('synchronous', { simple: true })]).toEqual(['wal', 1]);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5_000);
    db.close();
  });

  it('stays in WAL mode while another connection has the WAL open', () => {
    const file = path.join(tempDir(), 'a.db');
    const db = walDb(file);
    const other = new Database(file);
    // having read, it holds the WAL open (a connection that never read does not count)
    other.prepare('SELECT count(*) FROM t').get();
    const restore = bulkJournal(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    restore();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    other.close();
    db.close();
  });

  it('gives WAL mode back at once, or not at all, while another process reads', () => {
    const file = path.join(tempDir(), 'a.db');
    const db = walDb(file);
    db.exec('INSERT INTO t VALUES (1), (2)');
    const restore = bulkJournal(db);
    const reader = new Database(file);
    const rows = reader.prepare('SELECT x FROM t').iterate();
    rows.next();
    const started = Date.now();
    restore();
    // the 5 s busy timeout was not waited for, and is in force again
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5_000);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    rows.return!();
    reader.close();
    db.close();
  });
});
