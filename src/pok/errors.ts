// The POK domain throws PokError for what a person must fix (an unknown placement, a bad
// template, a signature that does not belong). It is a BpvError, so the CLI's one handler
// prints its message and exits with its code (SPEC §8); it also keeps the message key and
// parameters, to be shown again in another language. Per-placement refusals during
// generation are result objects instead, because the other placements go on (SPEC §5).

import { BpvError, EXIT } from '../errors.js';
import { lang } from '../i18n/lang.js';
import { pokMessage, type PokLang, type PokMessageKey, type PokMessageParams } from '../i18n/pok.js';

/** 2: usage error or unusable input (SPEC §8); 1: done, but something was not generated. */
export type PokExitCode = typeof EXIT.usage | typeof EXIT.partial;

export class PokError extends BpvError {
  readonly code: PokMessageKey;
  readonly params: PokMessageParams;

  constructor(code: PokMessageKey, params: PokMessageParams = {}, exitCode: PokExitCode = EXIT.usage) {
    super(pokMessage(code, params, lang()), exitCode, { code, ...params });
    this.name = 'PokError';
    this.code = code;
    this.params = params;
  }

  localized(l: PokLang): string {
    return pokMessage(this.code, this.params, l);
  }
}
