/** The event-time / processing-time plot (see plot-model.ts). */
import { memo, useMemo } from 'react';
import { plotModel } from '../../model/plot-model.js';
import type { Timeline } from '../../model/timeline.js';
import { Lines } from '../lines/lines.js';

export interface PlotPanelProps {
  readonly timeline: Timeline;
  readonly cursor: number;
  readonly width: number;
  readonly height: number;
  readonly keyName: string | null;
  readonly selected: string | null;
}

export const PlotPanel = memo(function PlotPanel({ timeline, cursor, width, height, keyName, selected }: PlotPanelProps) {
  const lines = useMemo(() => plotModel(timeline, cursor, { width, height, key: keyName, selected }), [timeline, cursor, width, height, keyName, selected]);
  return <Lines lines={lines} width={width} />;
});
