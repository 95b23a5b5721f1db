/** Every key and window with its panes beside the exact answer (see windows-model.ts). */
import { memo, useMemo } from 'react';
import type { Timeline } from '../../model/timeline.js';
import { windowsModel } from '../../model/windows-model.js';
import { Lines } from '../lines/lines.js';

export interface WindowsPanelProps {
  readonly timeline: Timeline;
  readonly cursor: number;
  readonly width: number;
  readonly height: number;
  readonly keyName: string | null;
  readonly selected: string | null;
}

export const WindowsPanel = memo(function WindowsPanel({ timeline, cursor, width, height, keyName, selected }: WindowsPanelProps) {
  const lines = useMemo(() => windowsModel(timeline, cursor, { width, height, key: keyName, selected }), [timeline, cursor, width, height, keyName, selected]);
  return <Lines lines={lines} width={width} />;
});
