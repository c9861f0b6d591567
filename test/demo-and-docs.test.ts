// The README's promises: `bpv demo` works on the shipped fixtures, every command has help and
// appears in the README.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, bpv, bpvJson, tempDir } from './helpers.js';

describe('bpv demo', () => {
  it('runs the main job in its own database, whatever BPV_DB says', () => {
    const dir = tempDir();
    const r = bpv(['demo', 'demo'], { cwd: dir, env: { BPV_DB: path.join(dir, 'elders.db') } });
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'elders.db'))).toBe(false);
    const db = path.join(dir, 'demo', 'bpv.db');
    expect(bpvJson(['placements', 'list', '--json', '--db', db], { cwd: dir })).toHaveLength(42);
    expect(r.stderr).toContain('afgekeurd');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // the monthly reports, as PDF and as CSV, each with its index.csv for the mail merge
    const reports = path.join(dir, 'demo', 'rapportages');
    expect(fs.readdirSync(reports)).toEqual(expect.arrayContaining(['index.csv', '2026-11-s.deboer@hetzonnetje.nl.pdf', 'csv']));
    expect(fs.readdirSync(path.join(reports, 'csv'))).toEqual(expect.arrayContaining(['index.csv', '2026-11-s.deboer@hetzonnetje.nl.csv']));
    // a second run starts fresh rather than piling up
    expect(bpv(['demo', 'demo'], { cwd: dir }).code).toBe(0);
    expect(bpvJson(['hours', 'list', '--json', '--db', db], { cwd: dir })).toHaveLength(1713);
  });
});

describe('help and README', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const top = bpv(['--help'], { cwd: ROOT });
  const commands = [...top.stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');

  it('--help lists the commands and --version works', () => {
    expect(top.code).toBe(0);
    expect(commands).toEqual(expect.arrayContaining(['init', 'status', 'config', 'import', 'placements', 'hours', 'holidays', 'demo', 'db']));
    expect(bpv(['--version'], { cwd: ROOT }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('every command has help and is shown in the README', () => {
    expect(bpv(['--lang', 'en', '--help'], { cwd: ROOT }).stdout).toContain('Usage: bpv');
    for (const c of commands) {
      const r = bpv([c, '--help'], { cwd: ROOT });
      expect(r.code, c).toBe(0);
      // commander's headings in Dutch, as the rest of the screen
      expect(r.stdout, c).toContain('Gebruik: bpv ' + c);
      expect(r.stdout, c).not.toMatch(/^(Usage|Options|Commands|Arguments):/m);
      expect(readme, c).toContain(`bpv ${c}`);
    }
  });

  it('a reader that stops early (| head) ends the run quietly, without a stack trace', () => {
    const dir = tempDir();
    expect(bpv(['import', 'placements', path.join(FIXTURES, 'plaatsingen.csv')], { cwd: dir }).code).toBeLessThanOrEqual(1);
    expect(bpv(['import', 'timesheets', path.join(FIXTURES, 'uren.csv')], { cwd: dir }).code).toBeLessThanOrEqual(1);
    // more than a pipe holds (64 KiB), so the writer meets the closed pipe
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" hours list --json | head -c 10 >/dev/null`], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(0);
  });

  it('an unknown command or flag is a usage error (exit 2)', () => {
    expect(bpv(['bestaatniet'], { cwd: ROOT }).code).toBe(2);
    expect(bpv(['placements', 'list', '--onzin'], { cwd: ROOT }).code).toBe(2);
    expect(bpv(['import', 'fietsen', 'x.csv'], { cwd: ROOT }).code).toBe(2);
  });

  it('bpv demo into a file, or below one, is a usage error that says so', () => {
    const dir = tempDir({ bestand: 'x' });
    for (const [target, says] of [['bestand', 'is een bestand, geen map'], [path.join('bestand', 'sub'), 'kan niet worden gemaakt (ENOTDIR)']] as const) {
      const r = bpv(['demo', target], { cwd: dir });
      expect(r.code, target).toBe(2);
      expect(r.stderr).toContain(says);
    }
    expect(fs.readFileSync(path.join(dir, 'bestand'), 'utf8')).toBe('x');
  });

  it('bpv demo does not replace a database it did not make', () => {
    const dir = tempDir({ 'tekst/bpv.db': 'geen database', 'echt/.map': '' });
    expect(bpv(['init', '--db', path.join(dir, 'echt', 'bpv.db')], { cwd: dir }).code).toBe(0);
    expect(bpv(['config', 'set', 'school.naam', 'ROC Echt', '--db', path.join(dir, 'echt', 'bpv.db')], { cwd: dir }).code).toBe(0);
    for (const sub of ['echt', 'tekst']) {
      const file = path.join(dir, sub, 'bpv.db');
      const before = fs.readFileSync(file);
      const r = bpv(['demo', sub], { cwd: dir });
      expect(r.code, sub).toBe(2);
      expect(r.stderr).toContain('geen database van bpv demo');
      expect(fs.readFileSync(file).equals(before), sub).toBe(true);
    }
    // nothing beside the real database either (opening it, even read-only, left -wal and -shm)
    expect(fs.readdirSync(path.join(dir, 'echt')).sort()).toEqual(['.map', 'bpv.db']);
    // a folder with someone's files but no database: the demo's reports would overwrite them
    fs.mkdirSync(path.join(dir, 'rapporten', 'rapportages'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'rapporten', 'rapportages', 'index.csv'), 'echt');
    const r = bpv(['demo', 'rapporten'], { cwd: dir });
    expect([r.code, r.stderr.includes('is niet leeg')]).toEqual([2, true]);
    expect(fs.readFileSync(path.join(dir, 'rapporten', 'rapportages', 'index.csv'), 'utf8')).toBe('echt');
  });
});

describe('README examples', () => {
  it('every bpv line of the sh blocks runs, in order, on the fixtures (exit 0 or 1, never a usage or database error)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const lines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
      .flatMap((m) => m[1]!.split('\n'))
      .map((l) => l.replace(/\s+#\s.*$/, '').trim())
      .filter((l) => l.startsWith('bpv '));
    expect(lines.length).toBeGreaterThan(20);
    const dir = tempDir();
    fs.symlinkSync(path.join(ROOT, 'fixtures'), path.join(dir, 'fixtures'));
    const script = [
      `bpv() { "${process.execPath}" "${path.join(ROOT, 'bin', 'bpv.js')}" "$@"; }`,
      ...lines.map((l, i) => `${l} >/dev/null 2>>err.log; echo "${i}:$?"`),
    ].join('\n');
    const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', BPV_DB: '' } });
    const codes = r.stdout.trim().split('\n').map((s) => s.split(':').map(Number));
    expect(codes).toHaveLength(lines.length);
    const bad = codes.filter(([, code]) => code! > 1).map(([i, code]) => `${lines[i!]} → exit ${code}`);
    expect(bad, fs.readFileSync(path.join(dir, 'err.log'), 'utf8').slice(-2000)).toEqual([]);
  });
});
