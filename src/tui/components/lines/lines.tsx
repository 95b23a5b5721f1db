/** Renders prepared lines, one <Text> each: the panels' models already fit them to the box. */
import { Box, Text } from 'ink';
import { memo, useContext } from 'react';
import type { Line } from '../../model/text.js';
import { ThemeContext } from '../theme.js';

export const Lines = memo(function Lines({ lines, width }: { readonly lines: readonly Line[]; readonly width: number }) {
  const theme = useContext(ThemeContext);
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {theme.paint(line)}
        </Text>
      ))}
    </Box>
  );
});
