// Which encoding a file's bytes are in. Excel saves CSV in Windows-1252 or UTF-8; a file that is
// UTF-8 but for a few bytes (a row pasted from an older export) is neither. Read as
// Windows-1252 it imported without a word and stored every "ë" of the file as "Ã«" (a helper
// found 25,977 names garbled by one stray byte in 100,000 rows), so it is refused, with its line.
import { isAscii, isUtf8 } from 'node:buffer';

/** Where a run of bytes stops being UTF-8, and whether it holds a valid character of two or more bytes. */
export function utf8Scan(buf: Uint8Array): { invalidAt: number; multibyte: boolean } {
  let invalidAt = -1;
  let multibyte = false;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // the sequence's length and the range of its second byte (no overlong forms, no surrogates)
    let n = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let ok = n > 0 && i + n <= buf.length;
    for (let k = 1; ok && k < n; k++) {
      const c = buf[i + k]!;
      ok = k === 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf;
    }
    if (ok) {
      multibyte = true;
      i += n;
    } else {
      if (invalidAt < 0) invalidAt = i;
      i++;
    }
    if (invalidAt >= 0 && multibyte) break;
  }
  return { invalidAt, multibyte };
}

/**
 * Where the whole characters of a chunk end: a character of up to four bytes may be cut at the
 * chunk's end, and its first bytes wait for the next chunk.
 */
export function wholeCharsEnd(buf: Uint8Array): number {
  for (let i = buf.length - 1; i >= Math.max(0, buf.length - 3); i--) {
    if ((buf[i]! & 0xc0) === 0xc0) return i;
    if ((buf[i]! & 0x80) === 0) break;
  }
  return buf.length;
}

/**
 * Feeds a file's bytes chunk by chunk (a character may straddle two). The verdict: UTF-8,
 * Windows-1252 (not UTF-8, and no character of UTF-8's own in it), or mixed at a byte offset.
 */
export class Utf8Survey {
  private carry: Buffer = Buffer.alloc(0);
  private offset = 0;
  private multibyte = false;
  private invalidAt = -1;

  /** false once the verdict cannot change */
  push(chunk: Buffer): boolean {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = wholeCharsEnd(buf);
    this.look(buf.subarray(0, end));
    this.carry = Buffer.from(buf.subarray(end));
    return !(this.invalidAt >= 0 && this.multibyte);
  }

  private look(part: Buffer): void {
    if (this.invalidAt < 0 && isUtf8(part)) {
      // valid and not ASCII: it holds characters of more than one byte
      if (!this.multibyte && !isAscii(part)) this.multibyte = true;
    } else if (this.invalidAt < 0 || !this.multibyte) {
      const s = utf8Scan(part);
      if (this.invalidAt < 0 && s.invalidAt >= 0) this.invalidAt = this.offset + s.invalidAt;
      this.multibyte ||= s.multibyte;
    }
    this.offset += part.length;
  }

  /** `complete`: all bytes were pushed (not just the head of standard input, which may end mid-character) */
  verdict(complete: boolean): { encoding: 'utf8' | 'windows-1252' } | { mixedAt: number } {
    if (complete && this.carry.length) this.look(this.carry);
    this.carry = Buffer.alloc(0);
    if (this.invalidAt < 0) return { encoding: 'utf8' };
    return this.multibyte ? { mixedAt: this.invalidAt } : { encoding: 'windows-1252' };
  }
}
