// The interactive mapping of missing columns, driven through the real prompt with keystrokes
// (a terminal would send the same bytes), and the import it leads to.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askMapping, type PromptStreams } from '../src/cli/ask-mapping.js';
import { mapFlagForShell } from '../src/cli/import.js';
import { handleError } from '../src/cli/main.js';
import { openScratchDb } from '../src/db/open.js';
import { InterruptedError } from '../src/errors.js';
import { placementsImport } from '../src/import/placements.js';
import { runImport } from '../src/import/run.js';
import { tempDir } from './helpers.js';

const DOWN = '\x1b[B';
const ENTER = '\r';
const CTRL_C = '\x03';

/** Streams for the prompt, and a way to answer: each answer is typed once its question shows. */
function terminal(answers: string[]): PromptStreams & { screen: () => string } {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  let asked = 0;
  output.on('data', (d: Buffer) => {
    screen += d.toString();
    const questions = screen.split('?').length - 1;
    // the prompt redraws its question on every key: answer each new question once
    if (questions > asked && answers.length) {
      asked = questions;
      const keys = answers.shift()!;
      setTimeout(() => input.write(keys), 5);
    }
  });
  return { input, output, screen: () => screen };
}

describe('askMapping', () => {
  it('offers the headers no column uses, the suggestion first, and gives the flags', async () => {
    const t = terminal([ENTER, DOWN + ENTER]);
    const flags = await askMapping(
      [{ column: 'studentnummer', suggestion: 'Studentnr' }, { column: 'crebo' }],
      ['Opmerking', 'Studentnr', 'Code'],
      t,
    );
    // the second question no longer offers Studentnr: its default is Opmerking, one down is Code
    expect(flags).toEqual(['studentnummer=Studentnr', 'crebo=Code']);
    expect(t.screen()).toContain('Welke kolom in het bestand is "studentnummer"?');
    // the key help is Dutch
    expect(t.screen()).toContain('kiezen');
    expect(t.screen()).not.toContain('navigate');
  });

  it('stops on the last choice, and asks nothing when no header is left', async () => {
    const t = terminal([DOWN + DOWN + ENTER]);
    expect(await askMapping([{ column: 'crebo' }], ['Opmerking', 'Code'], t)).toBeUndefined();
    const none = terminal([]);
    expect(await askMapping([{ column: 'crebo' }], [], none)).toBeUndefined();
    // two columns to map and one header left: the answers could not be used, so no question
    expect(await askMapping([{ column: 'crebo' }, { column: 'niveau' }], ['Code'], none)).toBeUndefined();
    expect(none.screen()).toBe('');
  });

  it('Ctrl-C at the prompt is an interruption (exit 130, one Dutch line), not a bug (70)', async () => {
    const t = terminal([CTRL_C]);
    const e = await askMapping([{ column: 'crebo' }], ['Code'], t).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InterruptedError);
    const said: string[] = [];
    const io = { err: (s: string) => said.push(s), ce: { red: (s: string) => s } } as unknown as Parameters<typeof handleError>[1];
    expect(handleError(e, io)).toBe(130);
    expect(said).toEqual(['bpv: Afgebroken bij het koppelen van de kolommen: er is niets geïmporteerd.']);
  });

  it('leads to the import, and the summary carries the flags for next time', async () => {
    const dir = tempDir();
    const text = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/plaatsingen-utf8.csv'), 'utf8');
    const lines = text.split('\n');
    // two required columns under other names
    lines[0] = lines[0]!.replace('studentnummer', 'Leerlingnr').replace('crebo', 'Opleidingscode');
    const file = path.join(dir, 'export.csv');
    fs.writeFileSync(file, lines.join('\n'));
    const t = terminal([ENTER, ENTER]);
    const db = openScratchDb();
    const summary = await runImport(db, placementsImport, file, { askMapping: (missing, candidates) => askMapping(missing, candidates, t) });
    expect(summary.map_used).toEqual(['studentnummer=Leerlingnr', 'crebo=Opleidingscode']);
    // the same placements as the file with its own headers gives
    const control = openScratchDb();
    const plain = await runImport(control, placementsImport, path.join(import.meta.dirname, '../fixtures/plaatsingen-utf8.csv'), {});
    expect(summary).toMatchObject({ read: plain.read, inserted: plain.inserted, rejected: plain.rejected });
    const rows = (d: typeof db) => d.prepare('SELECT plaatsing_id, studentnummer, crebo FROM placements ORDER BY 1').all();
    expect(rows(db)).toEqual(rows(control));
    expect(plain.inserted).toBeGreaterThan(3);
    db.close();
    control.close();
  });
});

describe('mapFlagForShell', () => {
  it('quotes the header so that a shell passes it as it is', () => {
    expect(mapFlagForShell('studentnummer=Student nr')).toBe('--map studentnummer="Student nr"');
    expect(mapFlagForShell('crebo=Code "kort"')).toBe(`--map crebo='Code "kort"'`);
    expect(mapFlagForShell("crebo=Prijs $ 's")).toBe(`--map crebo='Prijs $ '\\''s'`);
    expect(mapFlagForShell('crebo=a=b')).toBe('--map crebo="a=b"');
  });
});
