/**
 * The comparison app: two or more runs side by side on one shared processing-time clock (see
 * model/compare-model.ts). Each column is a run: its plot, its windows against the exact answer,
 * its ledger and why. The keys are those of the run app.
 */
import { Box, useStdout } from 'ink';
import { memo, useMemo } from 'react';
import { useUi, type RunAppProps } from './app.js';
import { Footer } from './components/footer/footer.js';
import { HelpOverlay } from './components/help/help-overlay.js';
import { Lines } from './components/lines/lines.js';
import { Separator } from './components/lines/separator.js';
import { PlotPanel } from './components/plot/plot-panel.js';
import { TooSmall } from './components/too-small/too-small.js';
import { WhyPanel } from './components/why/why-panel.js';
import { WindowsPanel } from './components/windows/windows-panel.js';
import { statusLine } from './model/chrome.js';
import { buildComparison, columnTitle, compactLedger, compareNav, runCursors, sharedClock, type Comparison, type CompareRun } from './model/compare-model.js';
import { compareLayout, type CompareLayout } from './model/layout.js';
import { initialState } from './model/state.js';
import { readSize } from './use-terminal-size.js';
import { fitBlock, seg } from './model/text.js';
import type { Timeline } from './model/timeline.js';

export type { CompareRun };

export interface CompareAppProps extends Omit<RunAppProps, 'timeline'> {
  readonly runs: readonly CompareRun[];
}

const Column = memo(function Column(props: {
  readonly label: string;
  readonly timeline: Timeline;
  readonly cursor: number;
  readonly layout: CompareLayout;
  readonly keyName: string | null;
  readonly selected: string | null;
}) {
  const { label, timeline, cursor, layout, keyName, selected } = props;
  const w = layout.column.width;
  const title = useMemo(() => columnTitle(label, timeline, w), [label, timeline, w]);
  const ledger = useMemo(() => compactLedger(timeline, cursor, w), [timeline, cursor, w]);
  return (
    <Box flexDirection="column" width={w}>
      <Lines lines={title} width={w} />
      <PlotPanel timeline={timeline} cursor={cursor} width={w} height={layout.plot.height} keyName={keyName} selected={selected} />
      <WindowsPanel timeline={timeline} cursor={cursor} width={w} height={layout.windows.height} keyName={keyName} selected={selected} />
      <Lines lines={ledger} width={w} />
      <WhyPanel timeline={timeline} cursor={cursor} width={w} height={layout.why.height} selected={selected} />
    </Box>
  );
});

export function CompareApp({ runs, size, ticks, cursor }: CompareAppProps) {
  const comparison: Comparison = useMemo(() => buildComparison(runs), [runs]);
  const nav = useMemo(() => compareNav(comparison), [comparison]);
  const { stdout } = useStdout();
  const [state] = useUi(nav, size, ticks, () => initialState(nav, size ?? readSize(stdout), cursor === undefined ? {} : { cursor }));
  const layout = compareLayout(size ?? state.size, comparison.runs.length);
  if (layout.kind === 'too-small') return <TooSmall layout={layout} />;
  const cursors = runCursors(comparison, state.cursor);
  const clock = sharedClock(comparison, state.cursor);
  const keyName = state.keyFilter < 0 ? null : (nav.keys[state.keyFilter] ?? null);
  const header = fitBlock(
    [
      [seg(`streamsim · compare ${comparison.runs.length} runs`, 'title'), seg(' · one shared processing-time clock; each run shows its state at that time', 'dim')],
      statusLine(state, nav.total, clock === -Infinity ? (comparison.times[0] ?? 0) : clock),
    ],
    layout.width,
    2,
  );
  return (
    <Box flexDirection="column" width={layout.width}>
      <Lines lines={header} width={layout.width} />
      {state.overlay === 'help' ? (
        <HelpOverlay width={layout.width} height={layout.column.height} />
      ) : (
        <Box flexDirection="row" height={layout.column.height}>
          {comparison.runs.map((r, i) => (
            <Box key={i} flexDirection="row">
              {i > 0 ? <Separator height={layout.column.height} /> : null}
              <Column label={r.label} timeline={r.timeline} cursor={cursors[i] ?? 0} layout={layout} keyName={keyName} selected={state.selected} />
            </Box>
          ))}
        </Box>
      )}
      <Footer width={layout.footer.width} />
    </Box>
  );
}
