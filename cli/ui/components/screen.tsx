import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useTerminalSize } from '../contexts/size.tsx';
import { KeyBar, type KeyHint, keyBarRows } from './key-bar.tsx';

/** The area a screen's body may draw in. */
export interface Area {
  width: number;
  height: number;
}

export interface ScreenProps {
  /** What this screen is: 起草 · 甘泉路街道2017年工作总结. */
  title: string;
  /** Shown at the right of the title row (save state, model). */
  aside?: ReactNode;
  /** One row above the keys: counts, progress, the last message. */
  status?: ReactNode;
  keys: readonly KeyHint[];
  children: (area: Area) => ReactNode;
}

/** The body's size for a terminal size, the keys shown and whether a status row is shown. */
export function bodyArea(
  size: { columns: number; rows: number },
  keys: readonly KeyHint[],
  hasStatus: boolean,
): Area {
  const height = Math.max(8, size.rows - 1);
  return {
    width: size.columns,
    height: Math.max(1, height - 1 - keyBarRows(keys, size.columns) - (hasStatus ? 1 : 0)),
  };
}

/**
 * The frame every screen shares: title row, body, status row, key bar. It is one row shorter than
 * the terminal so Ink redraws in place instead of clearing the screen (no flicker while streaming).
 */
export function Screen({ title, aside, status, keys, children }: ScreenProps) {
  const size = useTerminalSize();
  const { columns } = size;
  const height = Math.max(8, size.rows - 1);
  const body = bodyArea(size, keys, status !== undefined).height;
  return (
    <Box flexDirection="column" width={columns} height={height}>
      <Box justifyContent="space-between" width={columns}>
        <Text bold wrap="truncate-end">
          <Text color="cyan">govdraft</Text> {title}
        </Text>
        {aside !== undefined && (
          <Box flexShrink={0}>{typeof aside === 'string' ? <Text>{aside}</Text> : aside}</Box>
        )}
      </Box>
      <Box height={body} width={columns} overflow="hidden">
        {children({ width: columns, height: body })}
      </Box>
      {status !== undefined && (
        <Box height={1} width={columns} overflow="hidden">
          {typeof status === 'string' ? <Text wrap="truncate-end">{status}</Text> : status}
        </Box>
      )}
      <KeyBar keys={keys} width={columns} />
    </Box>
  );
}
