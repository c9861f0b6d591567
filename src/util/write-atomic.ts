// A file written under a temporary name beside it and renamed into place: a reader sees the
// earlier file whole or the new one whole, never half of one (a full disk, a kill), and a
// failed write leaves no temporary file behind.
import { renameSync, rmSync, writeFileSync } from 'node:fs';

export function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    // the file the caller asked for, not our temporary name, is what a message should name
    const err = e as NodeJS.ErrnoException;
    if (err.path === tmp) err.path = file;
    throw e;
  }
}
