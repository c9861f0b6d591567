// The reading layer shared by every import kind: bytes → encoding → text → delimiter →
// records with the line each starts on. It streams: memory stays flat in the file's size.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { BpvError, UsageError, type ExitCode } from '../errors.js';
import { lang } from '../i18n/lang.js';
import { msg } from '../i18n/messages.js';
import { CsvTokenizer, QuoteNotClosedError, RecordTooLongError } from './csv-tokenizer.js';
import { Utf8Survey, wholeCharsEnd } from './utf8-survey.js';
import { openReader, THREAD_MIN_BYTES, threadsAllowed } from './early-reader.js';
import { CREDIT_EVERY, decode as decodeBatch, decodeRows, type ParsedRows } from './source-worker-codec.js';
import type { RowCodec, RowShape, Value } from './row.js';

export type Encoding = 'utf8' | 'windows-1252';

export interface SourceOptions {
  delimiter?: string | undefined;
  encoding?: string | undefined;
}

/** Records as the tokenizer gives them, with the line each starts on; never empty. */
export interface RecordBatch {
  records: string[][];
  /** the line (1-based, as a text editor counts) each record starts on */
  lines: number[];
  /** the records parsed on the reading thread (see BatchSource.parseThere) */
  parsed?: ParsedRows | undefined;
}

export interface BatchSource {
  name: string;
  encoding: Encoding;
  delimiter: string;
  hadBom: boolean;
  header: string[];
  headerLine: number;
  /** one await per batch, not per record */
  batches: AsyncIterable<RecordBatch>;
  /** SHA-256 of every byte read; complete once the batches are exhausted */
  sha256(): string;
  bytesRead(): number;
  /**
   * Stops reading, also halfway: a caller that gives up on the file (its columns are wrong,
   * the database is locked) must call it, or the reading thread keeps the process alive.
   */
  close(): void;
  /**
   * Where the file is read on a thread of its own: parse the rows there too, as `kind` does
   * with these columns. Call it before the first batch is asked for; without it, the records
   * come unparsed.
   */
  parseThere?(kind: string, codec: RowCodec<unknown>, index: ReadonlyMap<string, number>, shape: RowShape): void;
}

const SNIFF_BYTES = 1 << 20;
const CANDIDATES = [';', ',', '\t'];

export function parseEncodingFlag(v: string | undefined): Encoding | undefined {
  if (v === undefined) return undefined;
  const s = v.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (s === 'utf8') return 'utf8';
  if (['windows1252', 'cp1252', 'win1252', 'latin1', 'iso88591', 'ansi'].includes(s)) return 'windows-1252';
  throw new UsageError(msg().badEncodingFlag(v));
}

export function parseDelimiterFlag(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const map: Record<string, string> = { ',': ',', ';': ';', tab: '\t', '\\t': '\t', '\t': '\t', '|': '|', komma: ',', puntkomma: ';' };
  const d = map[v.toLowerCase()];
  if (!d) throw new UsageError(msg().badDelimiterFlag(v));
  return d;
}

/**
 * The file's bytes in chunks. A file is read into one reused buffer: a fresh buffer per chunk
 * left a hundred megabytes of garbage outside the heap for the collector to notice late. So a
 * chunk is only valid until the next one is asked for: copy what must be kept. A quarter of a
 * megabyte: a chunk's records (some 700 placements, their 20,000 strings) are held while they
 * go to the writing thread in parts, and a megabyte's outlived the reading thread's young
 * generation (100k placements: median 3.37 s against 3.56 s).
 */
async function* byteChunks(file: string): AsyncGenerator<Buffer> {
  if (file === '-') {
    for await (const chunk of process.stdin) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    return;
  }
  const fd = fs.openSync(file, 'r');
  try {
    // 64 KiB: a piece's text (and the unfinished record joined to the next) stays a young
    // string. At 256 KiB each was a large object on pages of its own, mapped afresh: 60% of
    // the import's page faults, 1 s of CPU across both threads for 100,000 placements.
    const buf = Buffer.allocUnsafe(1 << 16);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return;
      yield buf.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The encoding of a file's bytes (a regular file is surveyed whole: fast, exact; a stream only
 * by its head). A file that is UTF-8 but for a stray byte is refused with that byte's line.
 * `rereadable`: a regular file, which can be read again from the start. A pipe named by a
 * path (/dev/stdin, `<(…)`) cannot: surveying it whole took all but its first MiB from the
 * import, which then read 2,761 of 20,000 rows and said nothing of the rest.
 */
async function detectEncoding(file: string, rereadable: boolean, name: string, head: Buffer, headIsAll: boolean): Promise<Encoding> {
  const survey = new Utf8Survey();
  if (rereadable && !headIsAll) {
    for await (const chunk of byteChunks(file)) if (!survey.push(chunk)) break;
  } else survey.push(head);
  const v = survey.verdict(rereadable || headIsAll);
  if ('encoding' in v) return v.encoding;
  throw new UsageError(msg().fileMixedEncoding(name, await lineAtOffset(file, rereadable, head, v.mixedAt)));
}

/** The line (1-based) of a byte offset: counted in the head when it lies there, else in the file. */
async function lineAtOffset(file: string, rereadable: boolean, head: Buffer, offset: number): Promise<number> {
  let line = 1;
  let at = 0;
  const chunks = offset < head.length || !rereadable ? [head] : byteChunks(file);
  for await (const chunk of chunks) {
    const n = Math.min(chunk.length, offset - at);
    for (let i = chunk.indexOf(10); i >= 0 && i < n; i = chunk.indexOf(10, i + 1)) line++;
    at += chunk.length;
    if (at >= offset) break;
  }
  return line;
}

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

function detectDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const c of CANDIDATES) {
    let count = 0;
    let inQuotes = false;
    for (const ch of firstLine) {
      if (ch === '"') inQuotes = !inQuotes;
      else if (ch === c && !inQuotes) count++;
    }
    if (count > bestCount) { best = c; bestCount = count; }
  }
  return best;
}

/**
 * The reading itself: records in batches of arrays (see RecordBatch), as the reading thread
 * passes them on.
 */
export async function openBatches(file: string, opts: SourceOptions = {}): Promise<BatchSource> {
  const name = file === '-' ? '(stdin)' : file;
  let rereadable = false;
  if (file !== '-') {
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      throw new UsageError(msg().fileMissing(file));
    }
    if (st.isDirectory()) throw new UsageError(msg().fileIsDir(file));
    rereadable = st.isFile();
  }
  const hash = createHash('sha256');
  const it = byteChunks(file)[Symbol.asyncIterator]();
  // Gather the head for sniffing; the rest follows lazily from the same iterator.
  const head: Buffer[] = [];
  let headLen = 0;
  let done = false;
  while (headLen < SNIFF_BYTES) {
    const r = await it.next();
    if (r.done) { done = true; break; }
    head.push(Buffer.from(r.value));
    headLen += r.value.length;
  }
  const headBuf = Buffer.concat(head);
  if (headBuf.length === 0 || /^\s*$/.test(headBuf.toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, ''))) {
    throw new UsageError(msg().fileEmpty(name));
  }
  if (looksBinary(headBuf)) throw new UsageError(msg().fileNotCsv(name));
  const hadBom = headBuf[0] === 0xef && headBuf[1] === 0xbb && headBuf[2] === 0xbf;
  let encoding = parseEncodingFlag(opts.encoding);
  // a UTF-8 mark is not Windows-1252 text: read so, every "ë" of the file would be stored as "Ã«"
  if (hadBom && encoding === 'windows-1252') throw new UsageError(msg().bomNotWin1252(name));
  if (!encoding) encoding = hadBom ? 'utf8' : await detectEncoding(file, rereadable, name, headBuf, done);
  const enc: Encoding = encoding;

  async function* rest(): AsyncGenerator<Buffer> {
    for (const b of head) yield b;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  let bytes = 0;
  const headText = enc === 'utf8' ? headBuf.toString('utf8').replace(/^\uFEFF/, '') : iconv.decode(headBuf, 'win1252');
  const firstLine = headText.split(/\r?\n|\r/, 1)[0] ?? '';
  // A first line `sep=;` (or `"sep=;"`) is Excel's delimiter hint, which some exports write:
  // its delimiter is the file's, and the header is the line after it
  const sepHint = /^"?sep=([,;\t])"?$/i.exec(firstLine)?.[1];
  const delimiter = parseDelimiterFlag(opts.delimiter) ?? sepHint ?? detectDelimiter(firstLine);

  const tokenizer = new CsvTokenizer(delimiter);
  // UTF-8 is read as Latin-1, a byte a character, and only the fields with a byte above 127 in
  // them are decoded: decoding whole chunks made every string of a chunk with one "ë" in it
  // two-byte (twice the memory on both threads) and took the reading thread 0.9 s for a million
  // rows. This reads the same records: every byte of CSV's syntax is ASCII, and never part of
  // a longer character.
  const checkUtf8 = utf8Checker(() => new UsageError(msg().fileBadUtf8(name)));
  /** BOM bytes still to drop (a chunk from a pipe may be shorter than the BOM) */
  let bomLeft = hadBom && enc === 'utf8' ? 3 : 0;
  /** whether text given to the tokenizer, and not yet read as whole records, had such bytes */
  let undecoded = false;
  const decode = (b: Buffer | undefined): string => {
    if (b === undefined) {
      if (enc === 'utf8') checkUtf8(undefined);
      return '';
    }
    if (enc === 'windows-1252') return iconv.decode(b, 'win1252');
    checkUtf8(b);
    if (bomLeft) {
      const drop = Math.min(bomLeft, b.length);
      b = b.subarray(drop);
      bomLeft -= drop;
    }
    if (!isAscii(b)) undecoded = true;
    return b.toString('latin1');
  };
  const decodeUtf8 = (text: string) => Buffer.from(text, 'latin1').toString('utf8');
  /** the records completed by this piece of text, with the line each starts on */
  const read = (text: string, end: boolean): RecordBatch => {
    try {
      tokenizer.decodeHigh = undecoded ? decodeUtf8 : undefined;
      tokenizer.write(text, end);
    } catch (e) {
      // the line the unfinished record starts on
      if (e instanceof QuoteNotClosedError) throw new UsageError(msg().fileMalformed(name, tokenizer.line, msg().quoteNotClosed()));
      if (e instanceof RecordTooLongError) throw new UsageError(msg().fileMalformed(name, tokenizer.line, msg().recordTooLong(e.quoted)));
      throw e;
    }
    const { records, lines } = tokenizer.take();
    if (undecoded) undecoded = tokenizer.buffered > 0;
    let blank = 0;
    for (const fields of records) if (isBlank(fields)) blank++;
    return blank ? withoutBlankLines({ records, lines }) : { records, lines };
  };

  async function* batches(): AsyncGenerator<RecordBatch> {
    for await (const b of rest()) {
      hash.update(b);
      bytes += b.length;
      const batch = read(decode(b), false);
      if (batch.records.length) yield batch;
    }
    const batch = read(decode(undefined), true);
    if (batch.records.length) yield batch;
  }

  const all = batches();
  let first = await all.next();
  if (first.done) throw new UsageError(msg().fileEmpty(name));
  if (sepHint !== undefined) {
    first.value.records.shift();
    first.value.lines.shift();
    while (!first.done && first.value.records.length === 0) first = await all.next();
    if (first.done) throw new UsageError(msg().fileEmpty(name));
  }
  // the header is the first record; the rest of its batch is the first batch of records
  const head1 = first.value;
  const header = head1.records.shift()!.map((h) => h.trim());
  const headerLine = head1.lines.shift()!;

  return {
    name,
    encoding: enc,
    delimiter,
    hadBom,
    header,
    headerLine,
    batches: (async function* () {
      if (head1.records.length) yield head1;
      yield* all;
    })(),
    sha256: () => hash.copy().digest('hex'),
    bytesRead: () => bytes,
    close: () => void all.return(undefined),
  };
}

/**
 * Validates UTF-8 chunk by chunk: a character cut at a chunk's end is carried into the next.
 * Called with undefined at the end, where a carried half character is an error.
 */
function utf8Checker(fail: () => Error): (chunk: Buffer | undefined) => void {
  let carry: Buffer | undefined;
  return (chunk) => {
    if (chunk === undefined) {
      if (carry?.length && !isUtf8(carry)) throw fail();
      return;
    }
    const buf = carry?.length ? Buffer.concat([carry, chunk]) : chunk;
    const end = wholeCharsEnd(buf);
    if (!isUtf8(buf.subarray(0, end))) throw fail();
    carry = Buffer.from(buf.subarray(end));
  };
}

/**
 * A record whose fields are all blank is an empty line, or one of the rows of delimiters only
 * (`;;;`) that Excel writes below a sheet's data: not a record to import.
 */
function isBlank(fields: readonly string[]): boolean {
  for (const v of fields) if (v !== '' && v.trim() !== '') return false;
  return true;
}

function withoutBlankLines(b: RecordBatch): RecordBatch {
  const out: RecordBatch = { records: [], lines: [] };
  b.records.forEach((fields, r) => {
    if (isBlank(fields)) return;
    out.records.push(fields);
    out.lines.push(b.lines[r]!);
  });
  return out;
}

/**
 * openBatches, with the reading done in a worker thread for large files. Same records, same
 * errors; standard input and small files are read on this thread.
 */
export async function openCsvFast(file: string, opts: SourceOptions = {}): Promise<BatchSource> {
  let size = 0;
  try {
    size = file === '-' ? 0 : fs.statSync(file).size;
  } catch {
    /* openBatches names the missing file */
  }
  // BPV_THREADS=1: everything on this thread (a machine with one core, or to compare)
  if (size < THREAD_MIN_BYTES || !threadsAllowed()) return openBatches(file, opts);

  const worker = openReader({ file, opts: { delimiter: opts.delimiter, encoding: opts.encoding }, lang: lang() });
  type Msg = import('./source-worker.js').WorkerMessage;
  type StartMessage = import('./source-worker.js').StartMessage;
  const queue: Msg[] = [];
  let waiting: ((m: Msg) => void) | undefined;
  const push = (m: Msg) => {
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w(m);
    } else queue.push(m);
  };
  worker.on('message', push);
  worker.on('error', (e) => push({ type: 'error', message: e.message, exitCode: null, stack: e.stack }));
  const next = () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise<Msg>((r) => (waiting = r)));
  const fail = (m: Extract<Msg, { type: 'error' }>): never => {
    void worker.terminate();
    if (m.exitCode !== null) throw new BpvError(m.message, m.exitCode as ExitCode);
    const e = new Error(m.message);
    if (m.stack) e.stack = m.stack;
    throw e;
  };

  const first = await next();
  if (first.type === 'error') fail(first);
  if (first.type !== 'meta') throw new Error('source worker: expected meta');
  let sha = '';
  let bytes = 0;
  let taken = 0;
  let unpack: ((values: Value[], handles?: number[]) => unknown) | undefined;
  let started = false;
  const start = (m: StartMessage) => {
    started = true;
    worker.postMessage(m);
  };
  async function* batches(): AsyncGenerator<RecordBatch> {
    if (!started) start({ type: 'start', parse: null });
    try {
      for (;;) {
        const m = await next();
        if (m.type === 'batch') {
          if (++taken % CREDIT_EVERY === 0) worker.postMessage({ type: 'credit', n: CREDIT_EVERY });
          bytes = m.bytesRead;
          const batch: RecordBatch = decodeBatch(m.batch);
          if (unpack) batch.parsed = decodeRows(m.batch, unpack);
          yield batch;
        } else if (m.type === 'end') {
          sha = m.sha256;
          bytes = m.bytesRead;
          return;
        } else if (m.type === 'error') {
          fail(m);
        }
      }
    } finally {
      void worker.terminate();
    }
  }
  return {
    name: file,
    encoding: first.encoding as Encoding,
    delimiter: first.delimiter,
    hadBom: first.hadBom,
    header: first.header,
    headerLine: first.headerLine,
    batches: batches(),
    sha256: () => sha,
    bytesRead: () => bytes,
    close: () => void worker.terminate(),
    parseThere(kind, codec, index, shape) {
      unpack = (values, handles) => codec.unpack(values, handles);
      start({ type: 'start', parse: { kind, index: [...index], shape } });
    },
  };
}
