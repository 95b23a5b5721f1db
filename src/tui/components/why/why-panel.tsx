/** One sentence that explains the selected window or the latest step (see why-model.ts). */
import { memo, useMemo } from 'react';
import type { Timeline } from '../../model/timeline.js';
import { whyModel } from '../../model/why-model.js';
import { Lines } from '../lines/lines.js';

export interface WhyPanelProps {
  readonly timeline: Timeline;
  readonly cursor: number;
  readonly width: number;
  readonly height: number;
  readonly selected: string | null;
}

export const WhyPanel = memo(function WhyPanel({ timeline, cursor, width, height, selected }: WhyPanelProps) {
  const lines = useMemo(() => whyModel(timeline, cursor, { width, height, selected }), [timeline, cursor, width, height, selected]);
  return <Lines lines={lines} width={width} />;
});
