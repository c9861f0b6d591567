// The question a clerk at a terminal gets when the file lacks required columns: which of the
// file's other headers is each one? The answers are --map flags, printed afterwards for the
// next run (renderSummary).
import type { MissingColumn } from '../import/headers.js';
import { InterruptedError } from '../errors.js';
import { msg } from '../i18n/messages.js';

export interface PromptStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/**
 * `candidates`: the file's headers that no column uses yet (a header is one column's). Returns
 * the flags (`kolom=Kopregel`), or undefined when the clerk stops or no header is left to offer.
 */
export async function askMapping(
  missing: readonly MissingColumn[],
  candidates: readonly string[],
  streams: PromptStreams = {},
): Promise<string[] | undefined> {
  const { select } = await import('@inquirer/prompts');
  const m = msg();
  const flags: string[] = [];
  const chosen = new Set<string>();
  // too few headers left to map them all: the answers could not be used
  if (candidates.length < missing.length) return undefined;
  for (const col of missing) {
    const left = candidates.filter((h) => !chosen.has(h));
    let choice: string;
    try {
      choice = await select(
        {
          message: m.askMapping(col.column),
          choices: [...left.map((h) => ({ name: h, value: h })), { name: m.askMappingSkip(), value: '' }],
          default: col.suggestion !== undefined && left.includes(col.suggestion) ? col.suggestion : left[0],
          theme: { style: { keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${m.promptKey(action)}`).join(' • ') } },
        },
        { input: streams.input ?? process.stdin, output: streams.output ?? process.stderr },
      );
    } catch (e) {
      // Ctrl-C at the prompt (a key in its raw mode, not a signal) is the clerk's stop, not a bug
      if ((e as Error)?.name === 'ExitPromptError') throw new InterruptedError(m.interruptedPrompt());
      throw e;
    }
    if (!choice) return undefined;
    chosen.add(choice);
    flags.push(`${col.column}=${choice}`);
  }
  return flags;
}
