/** Exit codes of the `streamsim` command; scripts may rely on them. */
export const ExitCode = {
  /** The command did what was asked. */
  ok: 0,
  /** A bug in streamsim: an unexpected exception. */
  internal: 1,
  /** Bad input: a malformed scenario, savepoint or argument. Nothing was written. */
  badInput: 2,
  /** The simulation could not finish: the step bound was reached. */
  simulation: 3,
  /** `--strict` was given and the checkers found results that differ from the truth. */
  checkFailed: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the user can fix; it carries its exit code and a message to print as it is. */
export class UserError extends Error {
  constructor(message: string, readonly code: ExitCode = ExitCode.badInput) {
    super(message);
  }
}
