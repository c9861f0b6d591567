// Ctrl-C (src/cli/interrupt.ts): each registered cleanup runs once, in spite of one that fails,
// and an unregistered one not at all; a command with none keeps Node's default (it ends at once,
// even inside synchronous work); an import interrupted says so and leaves nothing behind.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { onInterrupt, runInterruptCleanups } from '../src/cli/interrupt.js';
import { BIN, bpv, readDb, tempDir, utf8Csv } from './helpers.js';

describe('interrupt cleanups', () => {
  it('run once each, past a failing one; unregistered ones do not run', () => {
    const ran: string[] = [];
    const offs = [
      onInterrupt(() => ran.push('a')),
      onInterrupt(() => {
        throw new Error('disk gone');
      }),
    ];
    const off = onInterrupt(() => ran.push('weg'));
    offs.push(onInterrupt(() => ran.push('b')));
    off();
    runInterruptCleanups();
    runInterruptCleanups();
    expect(ran).toEqual(['a', 'b']);
    for (const o of offs) o();
  });

  it('listen for SIGINT only while something is registered', () => {
    const before = process.listenerCount('SIGINT');
    const off1 = onInterrupt(() => {});
    const off2 = onInterrupt(() => {});
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    off1();
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    off2();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });

  // reading on this thread too (BPV_THREADS=1), every batch came as a resolved promise: the
  // signal waited for the whole import, and was lost at its end (exit 0, all rows committed)
  it.each([['two threads', '0'], ['one thread', '1']])('an import interrupted (%s) says nothing was saved, exits 130 and leaves no reject file', async (_, threads) => {
    const header = ['plaatsing_id', 'studentnummer', 'voornaam', 'achternaam', 'crebo', 'niveau', 'leerweg', 'leerbedrijf', 'kvk',
      'praktijkopleider', 'email_praktijkopleider', 'startdatum', 'einddatum', 'uren_totaal', 'uren_per_week'];
    // every fifth row rejected (niveau 9): the reject file is being written long before the end
    const row = (i: number) => [`G${i}`, `G${i}`, 'Jan', 'Jansen', '25491', i % 5 ? '3' : '9', 'BOL', 'Bedrijf', '10000000', 'PO',
      'po@x.nl', '2026-09-01', '2027-01-31', '640', '32'];
    const dir = tempDir({ 'klein.csv': utf8Csv([header, row(1)]), 'groot.csv': utf8Csv([header, ...Array.from({ length: 150_000 }, (_, i) => row(i + 10))]) });
    expect(bpv(['import', 'placements', 'klein.csv'], { cwd: dir }).code).toBe(0);
    const child = spawn(process.execPath, [BIN, 'import', 'placements', 'groot.csv', '--reject-file', 'afgekeurd.csv'], { cwd: dir, env: { ...process.env, BPV_DB: '', BPV_THREADS: threads } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const temp = path.join(dir, `afgekeurd.csv.${child.pid}.tmp`);
    for (const start = Date.now(); !fs.existsSync(temp) && Date.now() - start < 20_000; ) await new Promise((r) => setTimeout(r, 10));
    expect(fs.existsSync(temp)).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('Afgebroken. Een import die nog niet klaar was, is niet opgeslagen');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('afgekeurd'))).toEqual([]);
    expect(readDb(path.join(dir, 'bpv.db'), (db) => db.prepare('SELECT count(*) AS n FROM placements').get())).toEqual({ n: 1 });
  });

  // killed halfway, the file by the backup's name was left, and SQLite rolled it back to an
  // empty database when it was next opened: a "backup" with nothing in it
  it('a backup interrupted halfway leaves no file by its name, says so and exits 130', async () => {
    const dir = tempDir();
    expect(bpv(['init'], { cwd: dir }).code).toBe(0);
    // 60 MB of ballast: the backup copies it 100 pages a turn, some 150 turns
    const db = new Database(path.join(dir, 'bpv.db'));
    db.exec('CREATE TABLE ballast (b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600) INSERT INTO ballast SELECT randomblob(100000) FROM n');
    db.close();
    const child = spawn(process.execPath, [BIN, 'db', 'backup', 'kopie.db'], { cwd: dir, env: { ...process.env, BPV_DB: '' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const copy = path.join(dir, 'kopie.db');
    const size = () => (fs.existsSync(copy) ? fs.statSync(copy).size : 0);
    for (const start = Date.now(); size() === 0 && Date.now() - start < 20_000; ) await new Promise((r) => setTimeout(r, 2));
    expect(size()).toBeGreaterThan(0);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain(`Afgebroken. De back-up was niet klaar; ${copy} is verwijderd.`);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('kopie'))).toEqual([]);
  }, 60_000);
});
