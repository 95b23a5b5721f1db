/** Operators, channels, watermarks, barriers and failures (see dataflow-model.ts). */
import { memo, useMemo } from 'react';
import { dataflowModel } from '../../model/dataflow-model.js';
import type { Timeline } from '../../model/timeline.js';
import { Lines } from '../lines/lines.js';

export interface DataflowPanelProps {
  readonly timeline: Timeline;
  readonly cursor: number;
  readonly width: number;
  readonly height: number;
}

export const DataflowPanel = memo(function DataflowPanel({ timeline, cursor, width, height }: DataflowPanelProps) {
  const lines = useMemo(() => dataflowModel(timeline, cursor, { width, height }), [timeline, cursor, width, height]);
  return <Lines lines={lines} width={width} />;
});
