/** Every key and every glyph, in place of the panels until a key is pressed. */
import { memo, useMemo } from 'react';
import { helpModel } from '../../model/chrome.js';
import { Lines } from '../lines/lines.js';

export const HelpOverlay = memo(function HelpOverlay({ width, height }: { readonly width: number; readonly height: number }) {
  const lines = useMemo(() => helpModel(width, height), [width, height]);
  return <Lines lines={lines} width={width} />;
});
