// Where output goes and how it looks. Results on stdout, everything else on stderr (SPEC §8).
// Colour only on a terminal and never with NO_COLOR: chalk 5 does not check NO_COLOR itself.
import { Chalk, type ChalkInstance } from 'chalk';

function colourLevel(stream: NodeJS.WriteStream): 0 | 1 | 2 | 3 {
  if (!stream.isTTY) return 0;
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return 0;
  if (process.env.TERM === 'dumb') return 0;
  // hasColors() itself honours NO_COLOR and FORCE_COLOR and knows the terminal's depth
  const depth = stream.getColorDepth?.() ?? 1;
  return depth >= 24 ? 3 : depth >= 8 ? 2 : depth >= 4 ? 1 : 0;
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** colours for stdout */
  c: ChalkInstance;
  /** colours for stderr */
  ce: ChalkInstance;
  stdinIsTty: boolean;
  stderrIsTty: boolean;
}

export function processIo(): Io {
  return {
    out: (t) => void process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => void process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    c: new Chalk({ level: colourLevel(process.stdout) }),
    ce: new Chalk({ level: colourLevel(process.stderr) }),
    stdinIsTty: !!process.stdin.isTTY,
    stderrIsTty: !!process.stderr.isTTY,
  };
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
