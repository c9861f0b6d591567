// Whether a file is an SQLite database, by its first 16 bytes; false when it cannot be read.
// Loads nothing but node's own: the entry point uses it before the CLI is loaded.
import fs from 'node:fs';

export function isSqliteFile(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(16);
      return fs.readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === 'SQLite format 3\u0000';
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}
