/**
 * The terminal UI's public surface. The CLI imports run-tui.js lazily (so --json never loads ink);
 * this index is for callers that embed the apps.
 */
export { runTui, runCompareTui } from './run-tui.js';
export { RunApp, type RunAppProps } from './app.js';
export { CompareApp, type CompareAppProps, type CompareRun } from './compare-app.js';
export { buildTimeline, type Timeline } from './model/timeline.js';
