// Run the real CLI as a process, in a temp dir of its own, and read what it left behind.
import { spawnSync, spawn, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';

export const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const BIN = path.join(ROOT, 'bin', 'bpv.js');
export const FIXTURES = path.join(ROOT, 'fixtures');

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A fresh temp dir holding the given files; removed after the test. */
export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bpv-test-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function bpv(args: string[], opts: { cwd: string; input?: string | Buffer; env?: Record<string, string> }): Run {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', BPV_DB: '', BPV_LANG: '', BPV_DEBUG: '', ...opts.env },
    maxBuffer: 64 << 20,
    // a run that hangs fails its test (code -1) instead of stopping the suite
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function bpvJson<T = any>(args: string[], opts: { cwd: string; env?: Record<string, string> }): T {
  const r = bpv(args, opts);
  if (r.code !== 0 && r.code !== 1) throw new Error(`bpv ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

export { spawn };

/** A CSV as Dutch Excel saves it: `;`, CRLF, Windows-1252, quoted where needed. */
export function excelCsv(rows: string[][]): Buffer {
  const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return iconv.encode(rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n', 'win1252');
}

export function utf8Csv(rows: string[][], opts: { bom?: boolean; delimiter?: string } = {}): Buffer {
  const d = opts.delimiter ?? ',';
  const cell = (v: string) => (v.includes(d) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from((opts.bom ? '\uFEFF' : '') + rows.map((r) => r.map(cell).join(d)).join('\n') + '\n', 'utf8');
}

export function readDb<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Normalises what varies between runs (temp paths) before comparing output. */
export function normalize(s: string, dir: string): string {
  return s.split(dir).join('<dir>');
}

/** Small generated bench data in `dir`, and one of its files as its header and data lines. */
export async function generatedCsv(dir: string, sizes: { placements: number; timesheets: number; timesheetPlacements: number }, file: 'placements.csv' | 'timesheets.csv') {
  const { generate } = await import('../bench/generate.mjs');
  const g = await generate({ ...sizes, out: path.join(dir, 'data') });
  const [header, ...rows] = fs.readFileSync(path.join(g.out, file), 'utf8').trimEnd().split('\n');
  return { out: g.out as string, header: header!, rows };
}
