import { Box, Text } from 'ink';

/** One key and what it does, explained in full. */
export interface HelpEntry {
  key: string;
  text: string;
}

/** The full list of a screen's keys (the ? panel). */
export function HelpPanel({ title, entries }: { title: string; entries: readonly HelpEntry[] }) {
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      {entries.map((e) => (
        <Text key={e.key} wrap="truncate-end">
          <Text color="cyan" bold>
            {e.key.padEnd(9)}
          </Text>
          {e.text}
        </Text>
      ))}
    </Box>
  );
}
