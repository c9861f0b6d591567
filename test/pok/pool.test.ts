// The worker pool runs the compiled dist/ (the global setup compiles it), since a worker
// thread cannot load the TypeScript sources.
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { insertPlacement, makeDb, seed } from './helpers.js';

interface Result {
  status: string;
  placement: string;
  version?: number;
  sha256?: string;
  pdf?: Buffer;
}
interface VersionsModule {
  generatePoks(db: Database.Database, ids: readonly string[], opts: Record<string, unknown>): Promise<Result[]>;
}

const dbs: Database.Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function fixture(): Database.Database {
  const db = makeDb();
  dbs.push(db);
  for (let i = 0; i < 9; i++) {
    insertPlacement(
      db,
      seed({
        plaatsing_id: `P-${i}`,
        studentnummer: String(1000 + i),
        kvk: String(20000000 + i),
        geboortedatum: i % 2 ? '2009-12-01' : '2001-01-01',
        postcode: i === 4 ? null : '3811 AB',
      }),
    );
  }
  return db;
}

describe('generatePoks with a worker pool', () => {
  it('gives the same results, in order, as rendering in one thread', async () => {
    const mod = (await import('../../dist/pok/versions.js')) as VersionsModule;
    const ids = Array.from({ length: 9 }, (_, i) => `P-${i}`);
    const one = await mod.generatePoks(fixture(), ids, { today: '2026-08-20', workers: 1 });
    const two = await mod.generatePoks(fixture(), ids, { today: '2026-08-20', workers: 2 });
    expect(two.map((r) => [r.placement, r.status])).toEqual(one.map((r) => [r.placement, r.status]));
    expect(two[4]!.status).toBe('refused');
    for (let i = 0; i < ids.length; i++) {
      if (one[i]!.status !== 'generated') continue;
      expect(two[i]!.sha256).toBe(one[i]!.sha256);
      expect(Buffer.compare(two[i]!.pdf!, one[i]!.pdf!)).toBe(0);
    }
  });
});
