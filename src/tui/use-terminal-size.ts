/** The terminal's size, following resizes; a fixed size when one is given (tests, the too-small check). */
import { useStdout } from 'ink';
import { useEffect } from 'react';
import type { Action, TerminalSize } from './model/state.js';

export function readSize(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

export function useTerminalSize(fixed: TerminalSize | undefined, dispatch: (action: Action) => void): void {
  const { stdout } = useStdout();
  useEffect(() => {
    if (fixed !== undefined) return undefined;
    const onResize = () => dispatch({ type: 'resize', size: readSize(stdout) });
    onResize();
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [fixed, stdout, dispatch]);
}
