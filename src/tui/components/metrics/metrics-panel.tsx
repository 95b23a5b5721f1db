/** The delivery ledger, event counts, latency percentiles and rate sparklines (see metrics-model.ts). */
import { memo, useMemo } from 'react';
import { metricsModel } from '../../model/metrics-model.js';
import type { Timeline } from '../../model/timeline.js';
import { Lines } from '../lines/lines.js';

export interface MetricsPanelProps {
  readonly timeline: Timeline;
  readonly cursor: number;
  readonly width: number;
  readonly height: number;
}

export const MetricsPanel = memo(function MetricsPanel({ timeline, cursor, width, height }: MetricsPanelProps) {
  const lines = useMemo(() => metricsModel(timeline, cursor, { width, height }), [timeline, cursor, width, height]);
  return <Lines lines={lines} width={width} />;
});
