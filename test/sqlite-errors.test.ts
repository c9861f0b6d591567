// SQLite's errors as a person reads them: a database problem is exit 3 with a Dutch message,
// whether SQLite gives its primary code or an extended one (a read-only directory, a failed
// write), never the "unexpected error" of exit 70.
import { describe, expect, it } from 'vitest';
import { openScratchDb, translateSqliteError } from '../src/db/open.js';
import { DatabaseError } from '../src/errors.js';

const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('translateSqliteError', () => {
  it('maps primary and extended codes to a database error', () => {
    for (const code of ['SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_IOERR_WRITE', 'SQLITE_CANTOPEN_ISDIR', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_FULL']) {
      const e = translateSqliteError(sqliteError(code, 'attempt to write a readonly database'), '/tmp/x.db');
      expect(e, code).toBeInstanceOf(DatabaseError);
      expect((e as DatabaseError).exitCode, code).toBe(3);
      expect(e.message, code).toContain('/tmp/x.db');
    }
  });

  it('says a full disk in words, from a real SQLite error (max_page_count stands in for the disk)', () => {
    const db = openScratchDb();
    try {
      db.pragma('max_page_count = 1');
      let thrown: unknown;
      try {
        db.exec("CREATE TABLE vol (x TEXT); INSERT INTO vol VALUES (randomblob(100000))");
      } catch (e) {
        thrown = e;
      }
      expect((thrown as { code?: string }).code).toBe('SQLITE_FULL');
      const e = translateSqliteError(thrown, '/tmp/x.db') as DatabaseError;
      expect([e.exitCode, e.message]).toEqual([3, 'de schijf met database /tmp/x.db is vol: de wijziging is teruggedraaid, de database is heel. Maak ruimte vrij en voer de opdracht opnieuw uit.']);
    } finally {
      db.close();
    }
  });

  it('leaves other errors as they are', () => {
    const e = sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed');
    expect(translateSqliteError(e, '/tmp/x.db')).toBe(e);
    const plain = new Error('boom');
    expect(translateSqliteError(plain, '/tmp/x.db')).toBe(plain);
  });
});
