/**
 * Runs an ink app full screen and gives the terminal back whatever happens: on `q`, on Ctrl-C, on
 * SIGINT, SIGTERM or SIGHUP from outside, and on a crash. The app draws on the alternate screen, so
 * the user's scrollback is untouched, and the cursor and line mode come back on the way out.
 *
 * Exit codes: 0 after `q`; 130 after Ctrl-C or SIGINT; 143 after SIGTERM; 129 after SIGHUP; an
 * error thrown while rendering is rethrown (the CLI reports it as a bug, exit 1).
 */
import { render, type Instance } from 'ink';
import type { ReactElement } from 'react';

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h\u001B[H\u001B[2J';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

/** What the app resolves with when the user quits on purpose (see app.tsx). */
export const QUIT = 'quit';

export interface FullScreenStreams {
  readonly stdout: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  readonly stderr: NodeJS.WriteStream;
}

const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

export async function runFullScreen(node: ReactElement, streams: FullScreenStreams = process): Promise<number> {
  const { stdout, stdin, stderr } = streams;
  let restored = false;
  let instance: Instance | undefined;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
    } catch {
      // The terminal may already be gone (SIGHUP); nothing left to restore.
    }
    stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
  };
  const leave = (code: number, message?: string): void => {
    try {
      instance?.unmount();
    } finally {
      restore();
      if (message !== undefined) stderr.write(message);
      process.exit(code);
    }
  };
  const onSignal = (signal: keyof typeof SIGNAL_CODES) => () => leave(SIGNAL_CODES[signal]);
  const handlers = (Object.keys(SIGNAL_CODES) as (keyof typeof SIGNAL_CODES)[]).map((signal) => [signal, onSignal(signal)] as const);
  const onCrash = (error: unknown): void => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    leave(1, `streamsim: internal error in the terminal UI (a bug; please report it with the scenario and seed):\n${text}\n`);
  };
  for (const [signal, handler] of handlers) process.on(signal, handler);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  stdout.write(ENTER_ALTERNATE_SCREEN);
  try {
    // Ink leaves Ctrl-C to us only when exitOnCtrlC is off; on, it unmounts and resolves with nothing.
    instance = render(node, { stdout, stdin, stderr, exitOnCtrlC: true, patchConsole: true, maxFps: 20 });
    const result = await instance.waitUntilExit();
    return result === QUIT ? 0 : SIGNAL_CODES.SIGINT;
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    restore();
  }
}
