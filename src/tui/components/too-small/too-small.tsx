/** Said instead of a garbled layout when the terminal is smaller than the UI needs. */
import { Box, Text } from 'ink';
import { tooSmallText, type TooSmall as TooSmallLayout } from '../../model/layout.js';

export function TooSmall({ layout }: { readonly layout: TooSmallLayout }) {
  return (
    <Box flexDirection="column">
      {tooSmallText(layout).map((line, i) => (
        <Text key={i} wrap="wrap" bold={i === 0}>
          {line}
        </Text>
      ))}
    </Box>
  );
}
