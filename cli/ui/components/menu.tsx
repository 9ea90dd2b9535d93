import { Box, Text, useInput } from 'ink';
import { useRef } from 'react';
import { useRefState } from '../hooks/use-ref-state.ts';

/** One entry of a menu; `hotkey` picks it directly. */
export interface MenuItem<T extends string> {
  value: T;
  label: string;
  /** A dimmed note after the label. */
  note?: string;
  hotkey?: string;
}

export interface MenuProps<T extends string> {
  items: readonly MenuItem<T>[];
  onPick: (value: T) => void;
  isActive?: boolean;
  /** Rows shown at most; the window follows the selection. */
  maxRows?: number;
}

/** A vertical menu: ↑↓ (or j/k) to move, Enter or an item's hotkey to pick. */
export function Menu<T extends string>({ items, onPick, isActive = true, maxRows = 12 }: MenuProps<T>) {
  const [selected, setSelected, latest] = useRefState(0);
  const active = useRef(isActive);
  active.current = isActive;
  useInput((input, key) => {
    if (!active.current) return;
    if (key.upArrow || input === 'k') setSelected((i) => Math.max(0, i - 1));
    else if (key.downArrow || input === 'j') setSelected((i) => Math.min(items.length - 1, i + 1));
    else if (key.return && items[latest.current]) onPick(items[latest.current].value);
    else {
      const hit = items.find((item) => item.hotkey && item.hotkey === input);
      if (hit) onPick(hit.value);
    }
  });
  const first = Math.max(0, Math.min(selected - maxRows + 1, items.length - maxRows));
  return (
    <Box flexDirection="column">
      {items.slice(first, first + maxRows).map((item, i) => {
        const current = first + i === selected;
        return (
          <Text key={item.value} wrap="truncate-end">
            <Text color={current ? 'cyan' : undefined}>{current ? '❯ ' : '  '}</Text>
            {item.hotkey && <Text color="cyan">{item.hotkey} </Text>}
            <Text bold={current}>{item.label}</Text>
            {item.note && <Text dimColor> {item.note}</Text>}
          </Text>
        );
      })}
    </Box>
  );
}
