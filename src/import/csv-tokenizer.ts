// CSV text → records, with csv-parse's semantics for the options bpv reads with: a delimiter
// of one character; `"` quotes, and `""` inside quotes is one quote; the record delimiter is
// the first line break outside quotes (`\r\n`, `\n` or `\r`), and only that one ends records
// after it; a quote that is not where quotes belong is kept as text (relax_quotes); records
// may have any number of fields; a leading BOM is dropped.
//
// Why not csv-parse itself: it walks buffers byte by byte and makes two objects for every
// field; for a million timesheet rows that was most of the reading thread's 7 seconds, and its
// garbage slowed the thread that writes. This splits the lines without quotes with the
// engine's native split, and walks only the others, with indexOf and slices.
// test/csv-tokenizer.test.ts holds it to csv-parse's records on random input cut into random
// chunks.

const QUOTE = 34;
const HIGH = /[\x80-\xff]/;
const LF = 10;
const CR = 13;

/** The input ended inside a quoted field. */
export class QuoteNotClosedError extends Error {}

/**
 * A record grew past MAX_RECORD without ending: in practice a quote opened and never closed,
 * which would otherwise swallow the rest of the file. Each piece re-reads the unfinished record,
 * so such a record made reading quadratic (73 s for 105 MB) and ran the reading thread out of
 * memory, where it fails at once now.
 */
export class RecordTooLongError extends Error {
  /** whether the unfinished record holds a quote: then most likely one that is never closed */
  constructor(readonly quoted: boolean) {
    super('record too long');
  }
}

/** characters; a cell of learning goals is a few thousand */
export const MAX_RECORD = 1 << 20;

const enum Eol { Unknown, Lf, CrLf, Cr }

/** eolAt's answer when the text ends before it can tell (the next chunk decides) */
const NEED_MORE = -1;

export class CsvTokenizer {
  private rest = '';
  private eol = Eol.Unknown;
  private started = false;
  private readonly delimiter: number;
  private out: string[][] = [];
  private outLines: number[] = [];
  /** the line the next record starts on: one more per record delimiter, and per \n inside a record */
  line = 1;

  constructor(delimiter: string) {
    if (delimiter.length !== 1) throw new RangeError(`delimiter ${JSON.stringify(delimiter)}`);
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * Set, it decodes each field with a character from 0x80 to 0xFF (UTF-8 read as Latin-1, see
   * source.ts). A line of the fast path is tested whole first: most lines of a file with a few
   * accents have none.
   */
  decodeHigh: ((text: string) => string) | undefined;

  private decodeFields(fields: string[], decode: (text: string) => string): void {
    for (let i = 0; i < fields.length; i++) if (HIGH.test(fields[i]!)) fields[i] = decode(fields[i]!);
  }

  /** a record read by walking it (not by the fast path): s[start, end) without its delimiter */
  private emit(fields: string[], s: string, start: number, end: number): void {
    if (this.decodeHigh) this.decodeFields(fields, this.decodeHigh);
    this.out.push(fields);
    this.outLines.push(this.line);
    let line = this.line + 1;
    // the search stops at the record delimiter's \n; a lone \r has none, and the text is cut
    const t = this.eol === Eol.Cr ? s.slice(start, end) : s;
    const to = this.eol === Eol.Cr ? end - start : end;
    for (let k = t.indexOf('\n', t === s ? start : 0); k >= 0 && k < to; k = t.indexOf('\n', k + 1)) line++;
    this.line = line;
  }

  /** characters held back: the start of a record not yet whole */
  get buffered(): number {
    return this.rest.length;
  }

  /**
   * The records completed since the last call, each its fields (a blank line is one empty
   * field), and the line each starts on.
   */
  take(): { records: string[][]; lines: number[] } {
    const out = { records: this.out, lines: this.outLines };
    this.out = [];
    this.outLines = [];
    return out;
  }

  /**
   * Feeds the next piece of text; `end` marks the last. A record is emitted once it is whole,
   * so a piece may end anywhere, even inside a field or between `\r` and `\n`.
   */
  write(chunk: string, end: boolean): void {
    let s = this.rest.length ? this.rest + chunk : chunk;
    this.rest = '';
    if (!this.started) {
      if (s.length === 0 && !end) return;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      this.started = true;
    }
    const n = s.length;
    const delim = this.delimiter;
    const records = this.out;
    const delimChar = String.fromCharCode(delim);
    let pos = 0;
    // where the next quote is: the lines before it have none, and take the fast path
    let quoteAt = -1;
    // where the next record delimiter is, from a walked record's field on (or -1)
    let eolAt = -1;
    scan: while (pos < n) {
      // Fast path: whole lines without quotes, once the line break is known, split by the
      // engine's own split (native code: four times faster than looking at every character).
      // Without quotes a record is its line, and its fields are the line's parts. (An array a
      // record, not one flat array of fields: pushing ten million young strings into long
      // arrays cost more than all the splitting.)
      if (this.eol !== Eol.Unknown) {
        if (quoteAt < pos) {
          quoteAt = s.indexOf('"', pos);
          if (quoteAt < 0) quoteAt = n;
        }
        const eol = this.eol === Eol.Lf ? '\n' : this.eol === Eol.CrLf ? '\r\n' : '\r';
        const last = s.lastIndexOf(eol, quoteAt - 1);
        if (last >= pos) {
          const decode = this.decodeHigh;
          const lines = this.outLines;
          // after \r\n or \r, a \n is text, and a line of its own all the same
          const inner = this.eol !== Eol.Lf;
          let lineNo = this.line;
          for (const line of s.slice(pos, last).split(eol)) {
            const fields = line.split(delimChar);
            if (decode && HIGH.test(line)) this.decodeFields(fields, decode);
            records.push(fields);
            lines.push(lineNo++);
            if (inner) for (let k = line.indexOf('\n'); k >= 0; k = line.indexOf('\n', k + 1)) lineNo++;
          }
          this.line = lineNo;
          pos = last + eol.length;
          continue;
        }
      }
      const fields: string[] = [];
      let i = pos;
      for (;;) {
        // one field, starting at i
        let prefix = '';
        let from = i;
        if (i < n && s.charCodeAt(i) === QUOTE) {
          let j = i + 1;
          let content = '';
          for (;;) {
            const q = s.indexOf('"', j);
            if (q < 0) {
              if (end) throw new QuoteNotClosedError();
              break scan;
            }
            if (q + 1 >= n) {
              if (!end) break scan;
              // the closing quote ends the input
              fields.push(content + s.slice(j, q));
              this.emit(fields, s, pos, n);
              pos = n;
              continue scan;
            }
            const c = s.charCodeAt(q + 1);
            if (c === QUOTE) {
              content += s.slice(j, q + 1);
              j = q + 2;
              continue;
            }
            if (c === delim) {
              fields.push(content + s.slice(j, q));
              i = q + 2;
              break;
            }
            if (c === LF || c === CR) {
              const e = this.eolAt(s, q + 1, end);
              if (e === NEED_MORE) break scan;
              if (e > 0) {
                fields.push(content + s.slice(j, q));
                this.emit(fields, s, pos, q + 1);
                pos = q + 1 + e;
                continue scan;
              }
            }
            // A quote followed by other text closes nothing: csv-parse (relax_quotes) keeps
            // both quotes as text and reads on unquoted.
            prefix = `"${content}${s.slice(j, q)}"`;
            from = q + 1;
            break;
          }
          if (prefix === '') continue; // closed by a delimiter: the next field
        } else if (this.eol !== Eol.Unknown) {
          // Unquoted fields up to the next quote or the record's end are split natively too: a
          // record with one quoted field was walked character by character, all of it. Both
          // positions are kept while the fields pass them, and every search is bounded by them:
          // a search from each field start to the record's end, or back to the line's last
          // delimiter, made a line of many fields (or many lines without one) quadratic.
          if (quoteAt < i) {
            quoteAt = s.indexOf('"', i);
            if (quoteAt < 0) quoteAt = n;
          }
          const eol = this.eol === Eol.Lf ? '\n' : this.eol === Eol.CrLf ? '\r\n' : '\r';
          if (eolAt < i) {
            eolAt = s.indexOf(eol, i);
            if (eolAt < 0) eolAt = n;
          }
          if (eolAt < quoteAt) {
            for (const f of s.slice(i, eolAt).split(delimChar)) fields.push(f);
            this.emit(fields, s, pos, eolAt);
            pos = eolAt + eol.length;
            continue scan;
          }
          if (quoteAt === n) {
            // neither a quote nor the record's end in the text: the next piece may bring them
            if (!end) break scan;
            for (const f of s.slice(i).split(delimChar)) fields.push(f);
            this.emit(fields, s, pos, n);
            pos = n;
            continue scan;
          }
          // the fields before the one the quote is in, and where that one starts
          const parts = s.slice(i, quoteAt).split(delimChar);
          const quoted = parts.pop()!;
          for (const f of parts) fields.push(f);
          i = quoteAt - quoted.length;
          if (i === quoteAt) continue; // a quoted field
          // else a quote inside an unquoted field, which is text: walked below
          from = i;
        }
        let k = from;
        for (; k < n; k++) {
          const c = s.charCodeAt(k);
          if (c === delim) break;
          if (c === LF || c === CR) {
            const e = this.eolAt(s, k, end);
            if (e === NEED_MORE) break scan;
            if (e > 0) {
              fields.push(prefix + s.slice(from, k));
              this.emit(fields, s, pos, k);
              pos = k + e;
              continue scan;
            }
          }
        }
        if (k >= n) {
          if (!end) break scan;
          fields.push(prefix + s.slice(from, k));
          this.emit(fields, s, pos, n);
          pos = n;
          continue scan;
        }
        fields.push(prefix + s.slice(from, k));
        i = k + 1;
      }
    }
    // the unfinished record is read again, whole, with the next piece
    if (pos < n) {
      if (n - pos > MAX_RECORD) throw new RecordTooLongError(s.indexOf('"', pos) >= 0);
      this.rest = s.slice(pos);
    }
  }

  /** The length of the record delimiter at k (0: none), settling which one it is on first sight. */
  private eolAt(s: string, k: number, end: boolean): number {
    const c = s.charCodeAt(k);
    switch (this.eol) {
      case Eol.Lf:
        return c === LF ? 1 : 0;
      case Eol.Cr:
        return c === CR ? 1 : 0;
      case Eol.CrLf:
        if (c !== CR) return 0;
        if (k + 1 < s.length) return s.charCodeAt(k + 1) === LF ? 2 : 0;
        return end ? 0 : NEED_MORE;
      default:
        if (c === LF) {
          this.eol = Eol.Lf;
          return 1;
        }
        if (c !== CR) return 0;
        if (k + 1 < s.length) {
          this.eol = s.charCodeAt(k + 1) === LF ? Eol.CrLf : Eol.Cr;
          return this.eol === Eol.CrLf ? 2 : 1;
        }
        if (!end) return NEED_MORE;
        this.eol = Eol.Cr;
        return 1;
    }
  }
}
