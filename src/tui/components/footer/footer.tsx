/** The keys, always on screen. */
import { memo, useMemo } from 'react';
import { footerModel } from '../../model/chrome.js';
import { Lines } from '../lines/lines.js';

export const Footer = memo(function Footer({ width }: { readonly width: number }) {
  const lines = useMemo(() => footerModel(width), [width]);
  return <Lines lines={lines} width={width} />;
});
