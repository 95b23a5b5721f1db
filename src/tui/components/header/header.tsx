/** Title, settings and the playback status line. */
import { memo, useMemo } from 'react';
import { headerModel } from '../../model/chrome.js';
import type { UiState } from '../../model/state.js';
import type { Timeline } from '../../model/timeline.js';
import { Lines } from '../lines/lines.js';

export const Header = memo(function Header({ timeline, state, width }: { readonly timeline: Timeline; readonly state: UiState; readonly width: number }) {
  const lines = useMemo(() => headerModel(timeline, state, width), [timeline, state, width]);
  return <Lines lines={lines} width={width} />;
});
