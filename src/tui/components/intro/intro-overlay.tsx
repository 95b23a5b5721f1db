/** The scenario's story, before the run. */
import { memo, useMemo } from 'react';
import { introModel } from '../../model/chrome.js';
import type { Timeline } from '../../model/timeline.js';
import { Lines } from '../lines/lines.js';

export const IntroOverlay = memo(function IntroOverlay({ timeline, width, height }: { readonly timeline: Timeline; readonly width: number; readonly height: number }) {
  const lines = useMemo(() => introModel(timeline, width, height), [timeline, width, height]);
  return <Lines lines={lines} width={width} />;
});
