import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { PokError } from '../../src/pok/errors.js';
import { parsePokTemplate, loadPokTemplate } from '../../src/pok/template.js';
import {
  generatePok,
  generatePoks,
  pokState,
  pokStatus,
  signPok,
  type PokGenerated,
  type PokGenerateResult,
  type PokRefused,
} from '../../src/pok/versions.js';
import { pokMessage } from '../../src/i18n/pok.js';
import { createHash } from 'node:crypto';
import { insertPlacement, makeDb, seed, SCHOOL } from './helpers.js';

let db: Database.Database;
beforeEach(() => {
  db = makeDb();
});
afterEach(() => db.close());

const TODAY = '2026-08-20';

function generated(r: PokGenerateResult): PokGenerated {
  if (r.status === 'refused') throw new Error(`refused: ${r.message}`);
  return r;
}

function refusedOf(r: PokGenerateResult): PokRefused {
  if (r.status !== 'refused') throw new Error('expected a refusal');
  return r;
}

function thrown(fn: () => unknown): PokError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PokError);
    return err as PokError;
  }
  throw new Error('nothing thrown');
}

describe('generatePok versions', () => {
  it('records version 1 with date, SHA-256 of the PDF and the data it holds', async () => {
    insertPlacement(db, seed());
    const r = generated(await generatePok(db, 'P-1001', { today: TODAY }));
    expect(r.status).toBe('generated');
    expect(r.version).toBe(1);
    expect(r.generated).toBe(TODAY);
    expect(r.sha256).toBe(createHash('sha256').update(r.pdf).digest('hex'));
    expect(r.files.pdf).toBe('POK-0123456-P-1001.pdf');
    const row = db.prepare('SELECT * FROM pok_versions').get() as Record<string, unknown>;
    expect(row).toMatchObject({ version: 1, generated_on: TODAY, sha256: r.sha256 });
    expect(JSON.parse(row.data_json as string).data.student.achternaam).toBe('Ĳsselstein-Éénhoorn');
  });

  it('gives the same version and a byte-identical file when nothing changed, on any later day', async () => {
    insertPlacement(db, seed());
    const a = generated(await generatePok(db, 'P-1001', { today: TODAY }));
    const b = generated(await generatePok(db, 'P-1001', { today: '2026-10-01' }));
    expect(b.status).toBe('unchanged');
    expect(b.version).toBe(1);
    expect(b.generated).toBe(TODAY);
    expect(Buffer.compare(a.pdf, b.pdf)).toBe(0);
    expect(b.sha256).toBe(a.sha256);
    expect(b.notices).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM pok_versions').get()).toEqual({ n: 1 });
  });

  it('notes agreed hours a week above the legal maximum for the student\'s age on the start date', async () => {
    // 15 on 1 September 2026 (35 h a week), 17 (45 h), an adult (60 h)
    insertPlacement(db, seed());
    insertPlacement(db, seed({ plaatsing_id: 'P-15', studentnummer: '15', geboortedatum: '2010-10-21', uren_per_week: 40 }));
    insertPlacement(db, seed({ plaatsing_id: 'P-17', studentnummer: '17', geboortedatum: '2008-10-14', uren_per_week: 45 }));
    insertPlacement(db, seed({ plaatsing_id: 'P-17b', studentnummer: '17b', geboortedatum: '2008-10-14', uren_per_week: 45.5 }));
    const notes = async (id: string) => generated(await generatePok(db, id, { today: TODAY })).notices.map((n) => n.message);
    expect(await notes('P-15')).toEqual([expect.stringContaining('gemiddeld 40 uur per week, meer dan de 35 die de Arbeidstijdenwet')]);
    expect(await notes('P-17')).toEqual([]);
    expect(await notes('P-17b')).toEqual([expect.stringContaining('gemiddeld 45,5 uur per week, meer dan de 45')]);
    expect(await notes('P-1001')).toEqual([]);
  });

  it('makes a new version when the data changed, and its signatures start empty', async () => {
    insertPlacement(db, seed());
    generated(await generatePok(db, 'P-1001', { today: TODAY }));
    signPok(db, 'P-1001', 'student', { date: '2026-08-22', today: '2026-08-22' });
    signPok(db, 'P-1001', 'leerbedrijf', { date: '2026-08-23', today: '2026-08-23' });

    insertPlacement(db, seed({ uren_totaal: 600 }));
    const before = pokStatus(db)[0]!;
    expect(before.outdated).toBe(true);
    expect(pokState(before)).toBe('verouderd');

    const r = generated(await generatePok(db, 'P-1001', { today: '2026-08-25' }));
    expect(r.status).toBe('generated');
    expect(r.version).toBe(2);
    expect(r.superseded).toBe(1);
    const st = pokStatus(db)[0]!;
    expect(st).toEqual({
      placement: 'P-1001',
      version: 2,
      generated: '2026-08-25',
      required: ['student', 'leerbedrijf', 'school'],
      signed: { student: null, leerbedrijf: null, school: null },
      fully_signed: null,
      outdated: false,
      beeindigd_op: null,
      beeindigd_reden: null,
    });
  });

  it('makes a new version when the template changed, though the data did not', async () => {
    insertPlacement(db, seed());
    generated(await generatePok(db, 'P-1001', { today: TODAY }));
    const other = parsePokTemplate(loadPokTemplate().source + '\nExtra slotzin.\n', 'eigen.md');
    const r = generated(await generatePok(db, 'P-1001', { today: '2026-08-21', template: other }));
    expect(r.version).toBe(2);
    expect(pokStatus(db)[0]!.outdated).toBe(false);
  });

  it('refuses a placement with missing data, naming every missing field', async () => {
    db.close();
    const { 'school.brin': _b, 'school.telefoon': _t, ...partial } = SCHOOL;
    db = makeDb(partial);
    insertPlacement(db, seed({ adres: null, plaats: null, geboortedatum: null }));
    const r = refusedOf(await generatePok(db, 'P-1001', { today: TODAY }));
    expect(r.reason).toBe('missing');
    expect(r.missing).toEqual([
      'school.brin',
      'school.telefoon',
      'leerbedrijf.adres',
      'leerbedrijf.plaats',
      'student.geboortedatum',
    ]);
    expect(r.message).toContain('P-1001');
    expect(r.message).toContain('bpv config set school.brin');
    expect(r.message).toContain('kolom adres');
    expect(pokMessage(r.code, r.params, 'en')).toContain('missing data');
    expect(db.prepare('SELECT count(*) AS n FROM pok_versions').get()).toEqual({ n: 0 });
  });

  it('goes on with the other placements when one is refused', async () => {
    insertPlacement(db, seed());
    insertPlacement(db, seed({ plaatsing_id: 'P-1002', studentnummer: '7654321', kvk: '76543210', postcode: null }));
    const rs = await generatePoks(db, ['P-1001', 'P-1002', 'P-9999'], { today: TODAY });
    expect(rs.map((r) => r.status)).toEqual(['generated', 'refused', 'refused']);
    expect((rs[1] as PokRefused).missing).toEqual(['leerbedrijf.postcode']);
    expect((rs[2] as PokRefused).reason).toBe('unknown-placement');
  });

  describe('recognitions', () => {
    const recognise = (over: Record<string, string | null> = {}): void => {
      const r = { kvk: '01234567', vestigingsnummer: null, crebo: '25491', erkend_vanaf: '2020-01-01', erkend_tot: null, ...over };
      db.prepare(
        'INSERT INTO recognitions (kvk, vestigingsnummer, crebo, erkend_vanaf, erkend_tot) VALUES (?, ?, ?, ?, ?)',
      ).run(r.kvk, r.vestigingsnummer, r.crebo, r.erkend_vanaf, r.erkend_tot);
    };

    it('checks nothing while no recognitions were imported', async () => {
      insertPlacement(db, seed());
      expect((await generatePok(db, 'P-1001', { today: TODAY })).status).toBe('generated');
    });

    it('refuses a company not recognised for the crebo on the start date, unless forced', async () => {
      insertPlacement(db, seed());
      recognise({ crebo: '25498' });
      recognise({ erkend_tot: '2026-08-31' });
      const r = refusedOf(await generatePok(db, 'P-1001', { today: TODAY }));
      expect(r.reason).toBe('not-recognised');
      expect(r.message).toContain('--force');
      const f = generated(await generatePok(db, 'P-1001', { today: TODAY, force: true }));
      expect(f.notices.map((n) => n.code)).toEqual(['forced-not-recognised']);
    });

    it('accepts a recognition covering the start date, and one naming the right vestiging', async () => {
      insertPlacement(db, seed({ vestigingsnummer: '000012345678' }));
      recognise({ vestigingsnummer: '000099999999' });
      expect((await generatePok(db, 'P-1001', { today: TODAY })).status).toBe('refused');
      recognise({ vestigingsnummer: '000012345678', erkend_vanaf: '2026-09-01', erkend_tot: '2026-09-01' });
      expect((await generatePok(db, 'P-1001', { today: TODAY })).status).toBe('generated');
    });
  });
});

describe('signPok', () => {
  beforeEach(() => insertPlacement(db, seed({ geboortedatum: '2009-09-02' })));

  it('refuses when no POK was generated', () => {
    const e = thrown(() => signPok(db, 'P-1001', 'student', { today: TODAY }));
    expect(e.code).toBe('no-pok');
    expect(e.message).toContain('bpv pok generate P-1001');
  });

  it('refuses an unknown placement or party', async () => {
    expect(thrown(() => signPok(db, 'P-0000', 'student', { today: TODAY })).code).toBe('placement-unknown');
    await generatePok(db, 'P-1001', { today: TODAY });
    expect(thrown(() => signPok(db, 'P-1001', 'mentor', { today: TODAY })).code).toBe('party-unknown');
  });

  it('records signatures of a minor, the guardian included, until fully signed', async () => {
    await generatePok(db, 'P-1001', { today: TODAY });
    expect(pokStatus(db)[0]!.required).toEqual(['student', 'leerbedrijf', 'school', 'ouder']);
    signPok(db, 'P-1001', 'student', { date: '2026-08-21', today: '2026-08-30' });
    signPok(db, 'P-1001', 'ouder', { date: '2026-08-24', name: 'M. van Ĳsselstein', today: '2026-08-30' });
    signPok(db, 'P-1001', 'school', { date: '2026-08-22', today: '2026-08-30' });
    expect(pokStatus(db, { unsigned: true })).toHaveLength(1);
    const last = signPok(db, 'P-1001', 'leerbedrijf', { date: '2026-08-23', today: '2026-08-30' });
    expect(last.fully_signed).toBe('2026-08-24');
    const st = pokStatus(db)[0]!;
    expect(st.signed).toEqual({ student: '2026-08-21', ouder: '2026-08-24', leerbedrijf: '2026-08-23', school: '2026-08-22' });
    expect(st.fully_signed).toBe('2026-08-24');
    expect(pokState(st)).toBe('getekend');
    expect(pokStatus(db, { unsigned: true })).toEqual([]);
  });

  it('refuses the guardian when the student is an adult on the start date', async () => {
    insertPlacement(db, seed({ geboortedatum: '2008-09-01' }));
    await generatePok(db, 'P-1001', { today: TODAY });
    const e = thrown(() => signPok(db, 'P-1001', 'ouder', { today: TODAY }));
    expect(e.code).toBe('party-not-required');
    expect(e.localized('en')).toContain('18 or older');
  });

  it('refuses a date before the version was generated, or in the future', async () => {
    await generatePok(db, 'P-1001', { today: TODAY });
    expect(thrown(() => signPok(db, 'P-1001', 'student', { date: '2026-08-19', today: TODAY })).code).toBe(
      'sign-before-generation',
    );
    expect(thrown(() => signPok(db, 'P-1001', 'student', { date: '2026-08-21', today: TODAY })).code).toBe(
      'sign-in-future',
    );
    expect(thrown(() => signPok(db, 'P-1001', 'student', { date: '31-02-2026', today: TODAY })).code).toBe(
      'date-invalid',
    );
  });

  it('replaces a signature recorded twice and says what it replaced', async () => {
    await generatePok(db, 'P-1001', { today: TODAY });
    signPok(db, 'P-1001', 'student', { date: TODAY, today: TODAY });
    const again = signPok(db, 'P-1001', 'student', { date: '2026-08-21', name: 'Zoë', today: '2026-08-21' });
    expect(again.replaced).toEqual({ signed_on: TODAY, name: null });
    expect(again.name).toBe('Zoë');
  });
});

describe('pokStatus', () => {
  it('lists every placement in plaatsing_id order, missing POKs included, in the SPEC shape', async () => {
    insertPlacement(db, seed({ plaatsing_id: 'P-2', studentnummer: '2' }));
    insertPlacement(db, seed({ plaatsing_id: 'P-10', studentnummer: '10' }));
    await generatePok(db, 'P-2', { today: TODAY });
    db.prepare(`UPDATE placements SET beeindigd_op = '2026-10-01', beeindigd_reden = 'overmacht' WHERE plaatsing_id = 'P-2'`).run();
    const st = pokStatus(db);
    expect(st.map((s) => s.placement)).toEqual(['P-10', 'P-2']);
    expect(st[0]).toEqual({
      placement: 'P-10',
      version: null,
      generated: null,
      required: ['student', 'leerbedrijf', 'school'],
      signed: { student: null, leerbedrijf: null, school: null },
      fully_signed: null,
      outdated: false,
      beeindigd_op: null,
      beeindigd_reden: null,
    });
    expect(pokState(st[0]!)).toBe('ontbreekt');
    // ending a placement early does not make its POK outdated: the agreement itself did not change
    expect(st[1]).toMatchObject({ version: 1, outdated: false, beeindigd_reden: 'overmacht' });
    expect(Object.keys(st[1]!).slice(0, 7)).toEqual([
      'placement', 'version', 'generated', 'required', 'signed', 'fully_signed', 'outdated',
    ]);
    expect(pokStatus(db, { placements: ['P-2'] }).map((s) => s.placement)).toEqual(['P-2']);
    expect(thrown(() => pokStatus(db, { placements: ['P-3'] })).code).toBe('placement-unknown');
  });
});

describe('writePokFiles', () => {
  it('writes one PDF, or the three copies with --split, under the SPEC names', async () => {
    const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { writePokFiles } = await import('../../src/pok/files.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'pok-out-'));
    try {
      insertPlacement(db, seed());
      const one = generated(await generatePok(db, 'P-1001', { today: TODAY }));
      expect(writePokFiles(one, path.join(dir, 'a'))).toEqual([path.join(dir, 'a', 'POK-0123456-P-1001.pdf')]);
      expect(readFileSync(path.join(dir, 'a', 'POK-0123456-P-1001.pdf')).equals(one.pdf)).toBe(true);
      const split = generated(await generatePok(db, 'P-1001', { today: TODAY, split: true }));
      writePokFiles(split, path.join(dir, 'b'));
      expect(readdirSync(path.join(dir, 'b')).sort()).toEqual([
        'POK-0123456-P-1001-leerbedrijf.pdf',
        'POK-0123456-P-1001-onderwijsinstelling.pdf',
        'POK-0123456-P-1001-student.pdf',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
