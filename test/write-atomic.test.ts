// writeAtomic goes through a temporary name: a failure must name the file asked for.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic } from '../src/util/write-atomic.js';
import { tempDir } from './helpers.js';

describe('writeAtomic', () => {
  it('writes the file whole and leaves no temporary file', () => {
    const dir = tempDir();
    writeAtomic(path.join(dir, 'a.pdf'), 'inhoud');
    expect(fs.readdirSync(dir)).toEqual(['a.pdf']);
    expect(fs.readFileSync(path.join(dir, 'a.pdf'), 'utf8')).toBe('inhoud');
  });

  it('a failure names the file asked for, not the temporary one', () => {
    const dir = tempDir();
    const file = path.join(dir, 'geen-map', 'a.pdf');
    let caught: NodeJS.ErrnoException | undefined;
    try {
      writeAtomic(file, 'x');
    } catch (e) {
      caught = e as NodeJS.ErrnoException;
    }
    expect(caught?.code).toBe('ENOENT');
    expect(caught?.path).toBe(file);
  });
});
