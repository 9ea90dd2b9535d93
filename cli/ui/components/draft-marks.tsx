import { Text } from 'ink';
import type { Draft } from '../../../server/draft/index.ts';
import { allParagraphs } from '../../../server/draft/index.ts';
import { countCarriedOver, countYearBound } from '../../../server/marks/index.ts';
import { yearBoundColor } from '../layout/figures.ts';

/**
 * What the status line adds for a draft beyond its figures' verdicts: that the draft was written with
 * no ledger for its year (every figure pending), and how many sentences are last year's to rewrite
 * (bound to last year's years, or carried over with no material of this year behind them).
 */
export function DraftMarks({ draft }: { draft: Draft }) {
  const bound = allParagraphs(draft).reduce((n, p) => n + countYearBound(p.text), 0);
  const carried = allParagraphs(draft).reduce((n, p) => n + countCarriedOver(p.text), 0);
  return (
    <Text>
      {draft.ledgerMissing && (
        <Text color="yellow" bold>
          {' '}
          · 无{draft.year}年台账
        </Text>
      )}
      {bound > 0 && <Text color={yearBoundColor}> · 上年表述 {bound}</Text>}
      {carried > 0 && <Text color={yearBoundColor}> · 沿用上年 {carried}</Text>}
    </Text>
  );
}
