import { Box, Text } from 'ink';
import type { Line } from '../layout/wrap.ts';

/** Draws pre-wrapped lines (each exactly one terminal row), e.g. a window of a scrolled text. */
export function Lines({ lines, height }: { lines: readonly Line[]; height?: number }) {
  const padding = height === undefined ? 0 : Math.max(0, height - lines.length);
  return (
    <Box flexDirection="column" height={height}>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows of a window are positional
        <Text key={i} wrap="truncate-end">
          {line.length === 0
            ? ' '
            : line.map((segment, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments of a row are positional
                <Text key={j} {...segment.style}>
                  {segment.text}
                </Text>
              ))}
        </Text>
      ))}
      {padding > 0 && <Box height={padding} />}
    </Box>
  );
}
