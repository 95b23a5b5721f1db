/**
 * Entry points for the CLI: open the UI on a checked run, or on several runs side by side. The CLI
 * imports this module lazily, so `--json` and `--no-tui` never load ink or React.
 */
import { colourLevel } from '../cli/colour.js';
import type { CheckedRun } from '../sim/report/simulate.js';
import { RunApp } from './app.js';
import { CompareApp, type CompareRun } from './compare-app.js';
import { createTheme, ThemeContext } from './components/theme.js';
import { buildTimeline } from './model/timeline.js';
import { runFullScreen } from './terminal.js';

/** Opens the UI on one run; resolves with the exit code when the user leaves. */
export async function runTui(checked: CheckedRun): Promise<number> {
  const timeline = buildTimeline(checked);
  const theme = createTheme(colourLevel(process.stdout));
  return runFullScreen(
    <ThemeContext.Provider value={theme}>
      <RunApp timeline={timeline} />
    </ThemeContext.Provider>,
  );
}

/** Opens the comparison of two or more runs on one shared processing-time clock. */
export async function runCompareTui(runs: readonly CompareRun[]): Promise<number> {
  if (runs.length < 1) throw new Error('runCompareTui: give at least one run');
  const theme = createTheme(colourLevel(process.stdout));
  return runFullScreen(
    <ThemeContext.Provider value={theme}>
      <CompareApp runs={runs} />
    </ThemeContext.Provider>,
  );
}

export type { CompareRun };
