import { Box, Text } from 'ink';
import type { OutlineRow } from '../draft/outline.ts';
import { textWidth, truncateText } from '../layout/wrap.ts';

/** How a row's badge is drawn: the worst problem under it. */
export type Badge = 'contradicted' | 'pending' | 'unverified' | 'clean' | 'drafting' | 'none';

const badgeGlyph: Record<Badge, { glyph: string; color?: string }> = {
  contradicted: { glyph: '●', color: 'red' },
  pending: { glyph: '●', color: 'magenta' },
  unverified: { glyph: '●', color: 'yellow' },
  clean: { glyph: '●', color: 'green' },
  drafting: { glyph: '…', color: 'cyan' },
  none: { glyph: ' ' },
};

/** The outline tree: a window of rows around the selection, branches with ▸/▾, problem badges. */
export function OutlinePane({
  rows,
  selected,
  height,
  width,
  badges,
}: {
  rows: readonly OutlineRow[];
  selected: number;
  height: number;
  width: number;
  badges: ReadonlyMap<string, Badge>;
}) {
  const first = Math.max(0, Math.min(selected - Math.floor(height / 2), rows.length - height));
  return (
    <Box flexDirection="column" width={width} height={height}>
      {rows.slice(first, first + height).map((row, i) => {
        const current = first + i === selected;
        const badge = badgeGlyph[badges.get(row.key) ?? 'none'];
        const fold = 'open' in row ? (row.open ? '▾ ' : '▸ ') : row.kind === 'paragraph' ? '   ' : '  ';
        return (
          <Text key={row.key} wrap="truncate-end" inverse={current}>
            <Text color={badge.color}>{badge.glyph}</Text>
            {fold}
            {truncateText(row.label, width - 1 - textWidth(fold))}
          </Text>
        );
      })}
    </Box>
  );
}
