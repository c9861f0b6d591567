// Typed errors. Domain code throws these; the one top-level handler in src/cli/main.ts maps
// them to an exit code and a single message on stderr (SPEC §8). Anything else is a bug
// and shows its stack.

export const EXIT = {
  ok: 0,
  /** done, but with rejected rows, findings at --fail-on, or documents not generated */
  partial: 1,
  usage: 2,
  database: 3,
  /** Ctrl-C, as a shell reports a process ended by SIGINT */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class BpvError extends Error {
  readonly exitCode: ExitCode;
  readonly details: Record<string, unknown>;
  constructor(message: string, exitCode: ExitCode, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'BpvError';
    this.exitCode = exitCode;
    this.details = details;
  }
}

/** Wrong flags, arguments or an input file that cannot be used at all: exit 2. */
export class UsageError extends BpvError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, EXIT.usage, details);
    this.name = 'UsageError';
  }
}

/** Missing, locked, corrupt or too new database: exit 3. */
export class DatabaseError extends BpvError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, EXIT.database, details);
    this.name = 'DatabaseError';
  }
}

/**
 * Ctrl-C that the program notices itself rather than as a signal: a prompt reads the terminal
 * in raw mode, where Ctrl-C is a key. Exit 130, as for the signal.
 */
export class InterruptedError extends BpvError {
  constructor(message: string) {
    super(message, EXIT.interrupted);
    this.name = 'InterruptedError';
  }
}
