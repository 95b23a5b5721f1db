/**
 * The run app: one finished, checked run shown through a cursor into its trace. The component is a
 * thin view: the reducer (model/state.ts) owns every decision, the panels render pure view-models,
 * and the playback controller is the only source of real time.
 */
import { Box, useApp, useInput, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, type Dispatch } from 'react';
import { keysToActions } from './model/keys.js';
import { runLayout } from './model/layout.js';
import { timelineNav } from './model/nav.js';
import { initialState, reduce, type Action, type Nav, type TerminalSize, type UiState } from './model/state.js';
import type { Timeline } from './model/timeline.js';
import { DataflowPanel } from './components/dataflow/dataflow-panel.js';
import { Footer } from './components/footer/footer.js';
import { Header } from './components/header/header.js';
import { HelpOverlay } from './components/help/help-overlay.js';
import { IntroOverlay } from './components/intro/intro-overlay.js';
import { Separator } from './components/lines/separator.js';
import { MetricsPanel } from './components/metrics/metrics-panel.js';
import { PlotPanel } from './components/plot/plot-panel.js';
import { TooSmall } from './components/too-small/too-small.js';
import { WhyPanel } from './components/why/why-panel.js';
import { WindowsPanel } from './components/windows/windows-panel.js';
import { usePlayback, type TickSource } from './playback.js';
import { readSize, useTerminalSize } from './use-terminal-size.js';
import { QUIT } from './terminal.js';

export interface RunAppProps {
  readonly timeline: Timeline;
  /** A fixed terminal size; by default the app follows the terminal. */
  readonly size?: TerminalSize;
  /** Where playback ticks come from; by default real time (playback.ts). */
  readonly ticks?: TickSource;
  /** Where the cursor starts. */
  readonly cursor?: number;
}


/** The reducer bound to a nav, and the keys and the terminal wired to it: shared by both apps. */
export function useUi(nav: Nav, size: TerminalSize | undefined, ticks: TickSource | undefined, init: () => UiState): [UiState, Dispatch<Action>] {
  const reducer = useCallback((s: UiState, a: Action) => reduce(nav, s, a), [nav]);
  const [state, dispatch] = useReducer(reducer, undefined, init);
  const { exit } = useApp();
  useInput((input, key) => {
    for (const action of keysToActions(input, key)) dispatch(action);
  });
  useTerminalSize(size, dispatch);
  usePlayback(state.playing, dispatch, ticks);
  useEffect(() => {
    if (state.quit) exit(QUIT);
  }, [state.quit, exit]);
  return [state, dispatch];
}

export function RunApp({ timeline, size, ticks, cursor }: RunAppProps) {
  const nav = useMemo(() => timelineNav(timeline), [timeline]);
  const { stdout } = useStdout();
  const [state] = useUi(nav, size, ticks, () =>
    initialState(nav, size ?? readSize(stdout), { intro: timeline.scenario.story.trim() !== '', ...(cursor === undefined ? {} : { cursor }) }),
  );
  const layout = runLayout(size ?? state.size);
  if (layout.kind === 'too-small') return <TooSmall layout={layout} />;
  const keyName = state.keyFilter < 0 ? null : (nav.keys[state.keyFilter] ?? null);
  const c = state.cursor;
  return (
    <Box flexDirection="column" width={layout.width}>
      <Header timeline={timeline} state={state} width={layout.width} />
      {state.overlay === 'intro' ? (
        <IntroOverlay timeline={timeline} width={layout.main.width} height={layout.main.height} />
      ) : state.overlay === 'help' ? (
        <HelpOverlay width={layout.main.width} height={layout.main.height} />
      ) : (
        <Box flexDirection="row" height={layout.main.height}>
          <PlotPanel timeline={timeline} cursor={c} width={layout.plot.width} height={layout.plot.height} keyName={keyName} selected={state.selected} />
          <Separator height={layout.main.height} />
          <Box flexDirection="column" width={layout.windows.width}>
            <WindowsPanel timeline={timeline} cursor={c} width={layout.windows.width} height={layout.windows.height} keyName={keyName} selected={state.selected} />
            <DataflowPanel timeline={timeline} cursor={c} width={layout.dataflow.width} height={layout.dataflow.height} />
          </Box>
        </Box>
      )}
      <MetricsPanel timeline={timeline} cursor={c} width={layout.metrics.width} height={layout.metrics.height} />
      <WhyPanel timeline={timeline} cursor={c} width={layout.why.width} height={layout.why.height} selected={state.selected} />
      <Footer width={layout.footer.width} />
    </Box>
  );
}
