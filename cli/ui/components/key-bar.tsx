import { Box, Text } from 'ink';
import { textWidth } from '../layout/wrap.ts';

/** A key and what it does, as shown at the bottom of every screen. */
export interface KeyHint {
  key: string;
  label: string;
}

/** The keys of the current screen, wrapped over as many rows as the width needs. */
export function KeyBar({ keys, width }: { keys: readonly KeyHint[]; width: number }) {
  return (
    <Box flexWrap="wrap" width={width} columnGap={2}>
      {keys.map((k) => (
        <Text key={`${k.key}${k.label}`}>
          <Text color="cyan" bold>
            {k.key}
          </Text>{' '}
          {k.label}
        </Text>
      ))}
    </Box>
  );
}

/** Rows the key bar takes at a width (the same packing as its flex wrap). */
export function keyBarRows(keys: readonly KeyHint[], width: number): number {
  let rows = keys.length > 0 ? 1 : 0;
  let used = 0;
  for (const k of keys) {
    const w = textWidth(k.key) + 1 + textWidth(k.label);
    if (used > 0 && used + 2 + w > width) {
      rows++;
      used = w;
    } else used += (used > 0 ? 2 : 0) + w;
  }
  return rows;
}
