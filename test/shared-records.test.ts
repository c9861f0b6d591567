// SharedRecords has two ways to find out whether a record is new: the map of what this import
// saw first, or (insertFirst, for a first bulk import of students) the insert first. Both must
// give the same ids, the same stored values, changes, changed lines and warnings.
import { describe, expect, it } from 'vitest';
import { openScratchDb } from '../src/db/open.js';
import { SharedRecords, type Value } from '../src/import/shared-records.js';

const FIELDS = ['voornaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'email'];

// [line, studentnummer, values]: one before the import changed, one named once, one named three
// times with a conflict and empty values, the changed one named again (a name is never empty:
// the import rejects such a row before it comes here)
const TOUCHES: [number, string, Value[]][] = [
  [2, '100', ['Anna', null, 'Bakker', '2008-01-02', 'a@x.nl']],
  [3, '200', ['Bram', 'de', 'Vries', null, null]],
  [4, '300', ['Cor', null, 'Jansen', '2007-05-06', null]],
  [5, '300', ['Cor', null, 'Janssen', null, 'c@x.nl']],
  [6, '300', ['Cor', null, 'Janssen', null, null]],
  [7, '100', ['Anna', null, 'Bakker', '2008-01-02', 'anna@x.nl']],
];

/**
 * flushEvery: with insertFirst, flush() after every so many touches (0: only finish() does).
 * handles: the reading thread's number for each touch's key (-1: none given), as a large file's
 * rows bring them (RowCodec.handles).
 */
function run(insertFirst: boolean, flushEvery = 0, handles?: number[]) {
  const db = openScratchDb();
  try {
    db.prepare("INSERT INTO students (studentnummer, voornaam, achternaam, email) VALUES ('100', 'Anna', 'Bakker', 'oud@x.nl')").run();
    db.exec('BEGIN');
    const students = new SharedRecords(db, 'student', 'students', 'studentnummer = ?', ['studentnummer'], FIELDS, 'studentnummer',
      ([k]) => `student ${String(k)}`, insertFirst);
    const ids = TOUCHES.map(([line, key, values], i) => {
      const id = students.touch([key], values, line, handles?.[i]);
      if (flushEvery && (i + 1) % flushEvery === 0) students.flush();
      return id;
    });
    const result = students.finish();
    db.exec('COMMIT');
    return {
      ids,
      changes: result.changes,
      changedLines: [...result.changedLines].sort(),
      warnings: result.warnings,
      stored: db.prepare('SELECT * FROM students ORDER BY studentnummer').all(),
    };
  } finally {
    db.close();
  }
}

describe('SharedRecords', () => {
  it('gives the same outcome with the insert first as with the map first', () => {
    const byMap = run(false);
    // queued inserts flushed after each touch (every new one in a batch of its own), in pairs
    // (a batch with a record that exists), or all at the end (a record twice in one batch)
    for (const flushEvery of [1, 2, 3, 0]) expect(run(true, flushEvery)).toEqual(byMap);
    // and that outcome is the merge this file asks for
    expect(byMap.ids).toEqual(['100', '200', '300', '300', '300', '100']);
    expect(byMap.stored).toEqual([
      { studentnummer: '100', voornaam: 'Anna', tussenvoegsel: null, achternaam: 'Bakker', geboortedatum: '2008-01-02', email: 'anna@x.nl' },
      { studentnummer: '200', voornaam: 'Bram', tussenvoegsel: 'de', achternaam: 'Vries', geboortedatum: null, email: null },
      { studentnummer: '300', voornaam: 'Cor', tussenvoegsel: null, achternaam: 'Janssen', geboortedatum: '2007-05-06', email: 'c@x.nl' },
    ]);
    expect(byMap.changedLines).toEqual([7]);
    expect(byMap.changes.map((c) => [c.key, c.field, c.old, c.new])).toEqual([
      ['100', 'geboortedatum', null, '2008-01-02'],
      ['100', 'email', 'oud@x.nl', 'anna@x.nl'],
    ]);
    expect(byMap.warnings.map((w) => [w.line, w.column])).toEqual([[5, 'achternaam'], [7, 'email']]);
  });

  it('gives the same outcome when the keys come with numbers, all or some (the reading thread numbers only so many)', () => {
    const byMap = run(false);
    // keys 100, 200, 300 as 0, 1, 2; -1 where the numbering had stopped taking new keys
    for (const handles of [[0, 1, 2, 2, 2, 0], [0, 1, -1, 2, -1, 0], [-1, 1, 2, 2, 2, -1], [-1, -1, -1, -1, -1, -1]]) {
      expect(run(false, 0, handles), handles.join()).toEqual(byMap);
    }
  });
});
