import { Text } from 'ink';
import type { Draft } from '../../../server/draft/index.ts';
import { allParagraphs } from '../../../server/draft/index.ts';
import { countYearBound } from '../../../server/marks/index.ts';
import { yearBoundColor } from '../layout/figures.ts';

/**
 * What the status line adds for a draft beyond its figures' verdicts: that the draft was written with
 * no ledger for its year (every figure pending), and how many sentences are last year's to rewrite.
 */
export function DraftMarks({ draft }: { draft: Draft }) {
  const bound = allParagraphs(draft).reduce((n, p) => n + countYearBound(p.text), 0);
  return (
    <Text>
      {draft.ledgerMissing && (
        <Text color="yellow" bold>
          {' '}
          · 无{draft.year}年台账
        </Text>
      )}
      {bound > 0 && <Text color={yearBoundColor}> · 上年表述 {bound}</Text>}
    </Text>
  );
}
