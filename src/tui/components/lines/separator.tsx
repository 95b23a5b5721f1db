/** A vertical rule between panels. */
import { memo, useMemo } from 'react';
import { seg } from '../../model/text.js';
import { Lines } from './lines.js';

export const Separator = memo(function Separator({ height }: { readonly height: number }) {
  const lines = useMemo(() => Array.from({ length: height }, () => [seg('│', 'dim')]), [height]);
  return <Lines lines={lines} width={1} />;
});
