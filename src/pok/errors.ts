// The POK domain throws PokError for what a person must fix (an unknown placement, a bad
// template, a signature that does not belong). It carries the message key and parameters, so
// the CLI's single error handler can show it in the user's language and pick the exit code;
// per-placement refusals during generation are result objects instead, because the other
// placements go on (SPEC §5).

import { pokMessage, type PokLang, type PokMessageKey, type PokMessageParams } from '../i18n/pok.js';

/** 2: usage error or unusable input (SPEC §8); 1: done, but something was not generated. */
export type PokExitCode = 1 | 2;

export class PokError extends Error {
  readonly code: PokMessageKey;
  readonly params: PokMessageParams;
  readonly exitCode: PokExitCode;
  readonly details: Record<string, unknown>;

  constructor(code: PokMessageKey, params: PokMessageParams = {}, exitCode: PokExitCode = 2) {
    super(pokMessage(code, params, 'nl'));
    this.name = 'PokError';
    this.code = code;
    this.params = params;
    this.exitCode = exitCode;
    this.details = { code, ...params };
  }

  localized(lang: PokLang): string {
    return pokMessage(this.code, this.params, lang);
  }
}
