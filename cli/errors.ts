/** The exit codes scripts can rely on (documented in `vcs-connect --help` and the README). */
export const EXIT = {
  ok: 0,
  /** The command line was wrong: unknown command or option, a missing argument, no login. */
  usage: 1,
  /** The API refused the request (its error code, message and hint are printed), or could not be reached. */
  refused: 2,
  /** `vcs wait` gave up before the connection reached the state asked for. */
  timedOut: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the tool reports as a sentence and a hint, then exits with its code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly details: { hint?: string; code?: string; field?: string; status?: number } = {},
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const usageError = (message: string, hint?: string) => new CliError(message, EXIT.usage, { hint });
