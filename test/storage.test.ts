// SPEC §1: the database file, its refusal rules, settings and the audit log.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, bpv, bpvJson, readDb, tempDir, utf8Csv } from './helpers.js';
import { migrate, translateSqliteError } from '../src/db/open.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../src/db/migrations.js';

/** Resolves once an import wrote 4 MB (into the WAL, or the file itself): past its start. */
async function written4MB(dir: string): Promise<void> {
  const size = () => ['bpv.db', 'bpv.db-wal'].reduce((n, f) => n + (fs.existsSync(path.join(dir, f)) ? fs.statSync(path.join(dir, f)).size : 0), 0);
  const initial = size();
  for (const start = Date.now(); Date.now() - start < 20_000; ) {
    await new Promise((r) => setTimeout(r, 20));
    if (size() > initial + 4 * 1024 * 1024) return;
  }
}

describe('the database file', () => {
  it('a read command on a missing file exits 3 and creates nothing', () => {
    const dir = tempDir();
    for (const args of [['placements', 'list'], ['status'], ['config', 'list']]) {
      const r = bpv(args, { cwd: dir, env: { BPV_DB: path.join(dir, 'typo.db') } });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('bestaat niet');
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an empty file (touch, a failed copy) or a directory is no database: exit 3, nothing made in it', () => {
    const dir = tempDir({ 'leeg.db': '' });
    fs.mkdirSync(path.join(dir, 'map.db'));
    for (const args of [['validate', '--format', 'json'], ['status'], ['hours', 'approve', 'P-1', '--week', '2026-W45']]) {
      const empty = bpv(args, { cwd: dir, env: { BPV_DB: 'leeg.db' } });
      expect(empty.code, args.join(' ')).toBe(3);
      expect(empty.stdout).toBe('');
      expect(empty.stderr).toContain('is een leeg bestand (0 bytes), geen bpv-database');
      const folder = bpv(args, { cwd: dir, env: { BPV_DB: 'map.db' } });
      expect(folder.code).toBe(3);
      expect(folder.stderr).toContain('map.db is een map, geen bestand');
    }
    // a dry run checks against an empty database in memory, as for a missing file
    expect(bpv(['import', 'placements', path.join(FIXTURES, 'plaatsingen.csv'), '--dry-run'], { cwd: dir, env: { BPV_DB: 'leeg.db' } }).code).toBe(0);
    expect(fs.statSync(path.join(dir, 'leeg.db')).size).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['leeg.db', 'map.db']);
    expect(fs.readdirSync(path.join(dir, 'map.db'))).toEqual([]);
    // init makes a database of it, readable by its owner only like one it creates
    expect(bpv(['init', '--db', 'leeg.db'], { cwd: dir }).code).toBe(0);
    expect(fs.statSync(path.join(dir, 'leeg.db')).mode & 0o777).toBe(0o600);
    expect(bpv(['status', '--db', 'leeg.db'], { cwd: dir }).code).toBe(0);
  });

  it('a write command waits for another writer (busy timeout) rather than failing at once', async () => {
    const dir = tempDir();
    expect(bpv(['init'], { cwd: dir }).code).toBe(0);
    // another process holds the write lock for a second and a half
    const holder = new Database(path.join(dir, 'bpv.db'));
    holder.exec('BEGIN IMMEDIATE');
    const released = new Promise<void>((r) => setTimeout(() => { holder.exec('COMMIT'); holder.close(); r(); }, 1500));
    const runs = [['config', 'set', 'school.naam', 'ROC Wacht'], ['hours', 'approve', 'P-1', '--week', '2026-W45']].map((args) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, BPV_DB: '' } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      return new Promise<[number | null, string]>((r) => child.on('exit', (code) => r([code, stderr])));
    });
    const [config, approve] = await Promise.all(runs);
    await released;
    expect(config).toEqual([0, expect.stringContaining('school.naam = ROC Wacht')]);
    // it waited too, then found no such placement: a usage error, not a busy database
    expect(approve[0]).toBe(2);
    expect(approve[1]).not.toContain('bezet');
  });

  it('init creates it with mode 0600, --db and BPV_DB choose where', () => {
    const dir = tempDir();
    expect(bpv(['init', '--db', 'a.db'], { cwd: dir }).code).toBe(0);
    expect(bpv(['init'], { cwd: dir, env: { BPV_DB: 'b.db' } }).code).toBe(0);
    for (const f of ['a.db', 'b.db']) expect(fs.statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
    expect(readDb(path.join(dir, 'a.db'), (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
  });

  // a link to a database that is gone (moved, a share not mounted) was 'Onverwachte fout', exit 70
  it('a --db that is a link to nothing is exit 3 naming the link; a link to a database works', () => {
    const dir = tempDir();
    fs.symlinkSync(path.join(dir, 'weg.db'), path.join(dir, 'link.db'));
    const r = bpv(['init', '--db', 'link.db'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`is een koppeling (symlink) naar ${path.join(dir, 'weg.db')}, dat niet bestaat`);
    expect(fs.existsSync(path.join(dir, 'weg.db'))).toBe(false);
    expect(bpv(['init', '--db', 'echt.db'], { cwd: dir }).code).toBe(0);
    fs.symlinkSync(path.join(dir, 'echt.db'), path.join(dir, 'naar-echt.db'));
    expect(bpv(['status', '--db', 'naar-echt.db'], { cwd: dir }).code).toBe(0);
  });

  it('refuses a file with a newer schema, untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'new.db');
    // a bpv database of a later bpv: its tables, and a version this one does not know
    const db = new Database(file);
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 99');
    db.close();
    const before = fs.readFileSync(file);
    const r = bpv(['config', 'set', 'school.naam', 'ROC', '--db', file], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('schemaversie 99');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database with exit 3', () => {
    const dir = tempDir({ 'kapot.db': 'dit is geen sqlite-bestand maar tekst die lang genoeg is om op een kop te lijken '.repeat(20) });
    const r = bpv(['status', '--db', 'kapot.db'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('backs up a file before migrating it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    expect(bpv(['config', 'set', 'school.naam', 'ROC Oud', '--db', file], { cwd: dir }).code).toBe(0);
    // the schema has one version so far: the next one, as a later bpv would bring it
    const db = new Database(file);
    migrate(db, file, SCHEMA_VERSION, true, [...MIGRATIONS, 'CREATE TABLE later (x)']);
    db.close();
    expect(readDb(file, (d) => d.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION + 1);
    const backups = fs.readdirSync(dir).filter((f) => f.startsWith(`old.db.backup-v${SCHEMA_VERSION}-`));
    expect(backups).toHaveLength(1);
    const backup = path.join(dir, backups[0]!);
    expect(readDb(backup, (d) => d.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION);
    expect(readDb(backup, (d) => d.prepare("SELECT value FROM settings WHERE key = 'school.naam'").pluck().get())).toBe('ROC Oud');
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    // an up-to-date file is not copied again
    expect(bpv(['init', '--db', path.join(dir, 'nieuw.db')], { cwd: dir }).code).toBe(0);
    expect(bpv(['status', '--db', path.join(dir, 'nieuw.db')], { cwd: dir }).code).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.includes('backup'))).toHaveLength(1);
  });

  it('says in Dutch that a read needs a writable folder too (WAL), where SQLite says "readonly database"', () => {
    // as root (CI) a folder cannot be made read-only: SQLite's error as it comes, translated
    const err = translateSqliteError(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY_DIRECTORY' }), '/srv/bpv/bpv.db');
    expect(err.message).toBe(
      'database /srv/bpv/bpv.db is niet schrijfbaar voor deze gebruiker: bpv heeft schrijfrechten nodig op het bestand en op de map /srv/bpv, ook om te lezen (het journaal houdt er bestanden naast, zoals -wal en -shm).',
    );
    expect((err as { exitCode?: number }).exitCode).toBe(3);
  });

  it("refuses another program's SQLite file, untouched, for every command", () => {
    const dir = tempDir();
    const file = path.join(dir, 'ander.db');
    const db = new Database(file);
    db.exec("CREATE TABLE notes (x); INSERT INTO notes VALUES ('van een ander programma')");
    db.close();
    const before = fs.readFileSync(file);
    for (const args of [['status'], ['validate'], ['init'], ['import', 'placements', path.join(FIXTURES, 'plaatsingen.csv')]]) {
      const r = bpv([...args, '--db', file], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr).toContain('geen bpv-database');
      expect(r.stderr).toContain('notes');
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['ander.db']);
    // many programs set user_version: one at 1, bpv's version, with a settings table of its own
    const een = path.join(dir, 'een.db');
    const other = new Database(een);
    other.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT); CREATE TABLE notes (x)');
    other.pragma('user_version = 1');
    other.close();
    const eenBefore = fs.readFileSync(een);
    for (const args of [['status'], ['config', 'list']]) {
      const r = bpv([...args, '--db', een], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr).toContain('geen bpv-database');
    }
    expect(fs.readFileSync(een).equals(eenBefore)).toBe(true);
    fs.rmSync(een);
    // an SQLite file without tables is as empty as a 0-byte one: a read refuses it, init takes it
    const leeg = path.join(dir, 'leeg.db');
    new Database(leeg).close();
    expect(bpv(['validate', '--db', leeg], { cwd: dir }).code).toBe(3);
    expect(bpv(['init', '--db', leeg], { cwd: dir }).code).toBe(0);
    expect(bpv(['validate', '--db', leeg], { cwd: dir }).code).toBe(0);
  });

  it('config: known keys only, values checked, changes audited', () => {
    const dir = tempDir();
    expect(bpv(['init'], { cwd: dir }).code).toBe(0);
    expect(bpv(['config', 'set', 'school.regio', 'Midden'], { cwd: dir }).code).toBe(0);
    expect(bpv(['config', 'get', 'school.regio'], { cwd: dir }).stdout.trim()).toBe('midden');
    const bad = bpv(['config', 'set', 'school.regio', 'oost'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('noord, midden of zuid');
    expect(bpv(['config', 'set', 'school.kleur', 'blauw'], { cwd: dir }).code).toBe(2);
    expect(bpv(['config', 'set', 'school.postcode', '3511ab'], { cwd: dir }).code).toBe(0);
    expect(bpv(['config', 'get', 'school.postcode'], { cwd: dir }).stdout.trim()).toBe('3511 AB');
    expect(bpv(['config', 'get', 'rules.ziek.dagen'], { cwd: dir }).stdout.trim()).toBe('5');
    const list = bpvJson(['config', 'list', '--json'], { cwd: dir });
    expect(list).toMatchObject({ 'school.regio': 'midden', 'school.naam': null, 'rules.overwerk.marge': '0' });
    const changes = readDb(path.join(dir, 'bpv.db'), (db) => db.prepare("SELECT entity_key, old_value, new_value FROM audit_changes").all());
    expect(changes).toContainEqual({ entity_key: 'school.regio', old_value: null, new_value: 'midden' });
  });

  it('status and config list speak English under --lang en, Dutch otherwise', () => {
    const dir = tempDir();
    expect(bpv(['import', 'placements', path.join(FIXTURES, 'plaatsingen.csv')], { cwd: dir }).code).toBeLessThanOrEqual(1);
    const nl = bpv(['status'], { cwd: dir }).stdout;
    expect(nl).toContain('weken wachtend op akkoord');
    expect(nl).toMatch(/plaatsingen +\d+/);
    const en = bpv(['status', '--lang', 'en'], { cwd: dir }).stdout;
    expect(en).toContain('weeks waiting for approval');
    expect(en).toMatch(/placements +\d+/);
    expect(en).not.toContain('wachtend');
    // the same counts in both
    expect(en.match(/\d+/g)).toEqual(nl.match(/\d+/g));
    expect(bpv(['config', 'list'], { cwd: dir }).stdout).toContain('(niet ingesteld)');
    const enConfig = bpv(['config', 'list'], { cwd: dir, env: { BPV_LANG: 'en' } }).stdout;
    expect(enConfig).toContain('(not set)');
    expect(enConfig).toContain('(default)');
  });

  it('db.journal delete switches to the rollback journal, for network shares', () => {
    const dir = tempDir();
    expect(bpv(['config', 'set', 'db.journal', 'delete'], { cwd: dir }).code).toBe(0);
    expect(bpv(['status'], { cwd: dir }).code).toBe(0);
    expect(readDb(path.join(dir, 'bpv.db'), (db) => db.pragma('journal_mode', { simple: true }))).toBe('delete');
  });

  it('db backup writes a consistent copy and db check finds nothing wrong', () => {
    const dir = tempDir();
    bpv(['config', 'set', 'school.naam', 'ROC Test'], { cwd: dir });
    expect(bpv(['db', 'backup', 'kopie.db'], { cwd: dir }).code).toBe(0);
    expect(readDb(path.join(dir, 'kopie.db'), (db) => (db.prepare("SELECT value FROM settings WHERE key='school.naam'").get() as any).value)).toBe('ROC Test');
    expect(fs.statSync(path.join(dir, 'kopie.db')).mode & 0o777).toBe(0o600);
    expect(bpv(['db', 'backup', 'kopie.db'], { cwd: dir }).code).toBe(2);
    const check = bpv(['db', 'check'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('in orde');
    // a folder that is not there: said in Dutch, a usage error, nothing written
    const missing = bpv(['db', 'backup', path.join('nergens', 'kopie.db')], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('bestaat niet');
    fs.writeFileSync(path.join(dir, 'een-bestand'), 'x');
    const file = bpv(['db', 'backup', path.join('een-bestand', 'kopie.db')], { cwd: dir });
    expect([file.code, file.stderr.includes('is een bestand, geen map')]).toEqual([2, true]);
    expect(fs.existsSync(path.join(dir, 'nergens'))).toBe(false);
    // a broken reference, named as people name the tables
    const raw = new Database(path.join(dir, 'bpv.db'));
    raw.pragma('foreign_keys = OFF');
    raw.prepare("INSERT INTO timesheets (placement_id, datum, soort, uren, status) VALUES (999, '2026-11-02', 'gewerkt', 8, 'concept')").run();
    raw.close();
    const broken = bpv(['db', 'check'], { cwd: dir });
    expect(broken.code).toBe(3);
    expect(broken.stdout).toMatch(/urenregel rij \d+ verwijst naar een ontbrekende plaatsing/);
  });

  it('an import killed with SIGKILL halfway leaves the database as it was', async () => {
    const header = ['plaatsing_id', 'studentnummer', 'voornaam', 'achternaam', 'crebo', 'niveau', 'leerweg', 'leerbedrijf', 'kvk',
      'praktijkopleider', 'email_praktijkopleider', 'startdatum', 'einddatum', 'uren_totaal', 'uren_per_week'];
    const rows = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => [`${prefix}${i}`, `${prefix}${i}`, 'Jan', 'Jansen', '25491', '3', 'BOL', `Bedrijf ${i % 50}`,
        String(10000000 + (i % 50)), `PO ${i % 20}`, `po${i % 20}@x.nl`, '2026-09-01', '2027-01-31', '640', '32']);
    const dir = tempDir({ 'klein.csv': utf8Csv([header, ...rows(10, 'K')]), 'groot.csv': utf8Csv([header, ...rows(150_000, 'G')]) });
    expect(bpv(['import', 'placements', 'klein.csv'], { cwd: dir }).code).toBe(0);
    const child = spawn(process.execPath, [BIN, 'import', 'placements', 'groot.csv'], { cwd: dir, env: { ...process.env, BPV_DB: '' } });
    // wait until the import is writing (the WAL grows), then pull the plug
    await written4MB(dir);
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;
    expect(bpv(['db', 'check'], { cwd: dir }).code).toBe(0);
    const state = () => readDb(path.join(dir, 'bpv.db'), (db) => ({
      n: (db.prepare('SELECT count(*) AS n FROM placements').get() as any).n,
      ok: db.pragma('integrity_check', { simple: true }),
      // a bulk import rebuilds these within its transaction: they must survive the kill
      indexes: (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'placements_%' ORDER BY name").all() as any[]).map((r) => r.name),
    }));
    const indexes = ['placements_company', 'placements_po', 'placements_student'];
    expect(state()).toEqual({ n: 10, ok: 'ok', indexes });
    // and the same import, left to finish, keeps them too
    expect(bpv(['import', 'placements', 'groot.csv'], { cwd: dir }).code).toBe(0);
    expect(state()).toEqual({ n: 150_010, ok: 'ok', indexes });
  });

  it('other commands read the state before a large import while it writes', async () => {
    const header = ['plaatsing_id', 'studentnummer', 'voornaam', 'achternaam', 'crebo', 'niveau', 'leerweg', 'leerbedrijf', 'kvk',
      'praktijkopleider', 'email_praktijkopleider', 'startdatum', 'einddatum', 'uren_totaal', 'uren_per_week'];
    const row = (id: string) => [id, id, 'Jan', 'Jansen', '25491', '3', 'BOL', 'Bedrijf', '10000000', 'PO', 'po@x.nl', '2026-09-01', '2027-01-31', '640', '32'];
    // 9 MB into a nearly empty table: the load a clerk starts at the beginning of a school year
    const dir = tempDir({ 'klein.csv': utf8Csv([header, row('K1')]), 'groot.csv': utf8Csv([header, ...Array.from({ length: 100_000 }, (_, i) => row(`G${i}`))]) });
    expect(bpv(['import', 'placements', 'klein.csv'], { cwd: dir }).code).toBe(0);
    const child = spawn(process.execPath, [BIN, 'import', 'placements', 'groot.csv'], { cwd: dir, env: { ...process.env, BPV_DB: '' } });
    let running = true;
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => { running = false; r(code); }));
    // a coordinator's look, again and again while it runs: no waiting, no exit 3
    const looks: [number, string][] = [];
    while (running) {
      const r = bpv(['placements', 'show', 'K1', '--json'], { cwd: dir });
      looks.push([r.code, r.stderr]);
      await new Promise((res) => setImmediate(res));
    }
    expect(await exited).toBe(0);
    expect(looks.length).toBeGreaterThan(3);
    expect(looks.filter(([code, stderr]) => code !== 0 || stderr !== '')).toEqual([]);
    expect(readDb(path.join(dir, 'bpv.db'), (db) => db.prepare('SELECT count(*) AS n FROM placements').get())).toEqual({ n: 100_001 });
  });
});
