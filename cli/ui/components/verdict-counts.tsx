import { Text } from 'ink';
import { verdictWord } from '../../../server/marks/index.ts';
import { verdictColor } from '../layout/figures.ts';

/** 相符 48 · 不符 2 · 无法核对 1, each in its verdict's colour (the status line of every checked text). */
export function VerdictCounts({
  summary,
  pending,
}: {
  summary: { supported: number; contradicted: number; unverified: number };
  /** 【待核实】 markers still in the text, when the text is a draft. */
  pending?: number;
}) {
  return (
    <Text>
      <Text color={verdictColor.supported}>
        {verdictWord.supported} {summary.supported}
      </Text>
      {' · '}
      <Text color={verdictColor.contradicted} bold={summary.contradicted > 0}>
        {verdictWord.contradicted} {summary.contradicted}
      </Text>
      {' · '}
      <Text color={verdictColor.unverified}>
        {verdictWord.unverified} {summary.unverified}
      </Text>
      {pending !== undefined && pending > 0 && (
        // the figures inside the markers are among the unverified ones: say so rather than add them twice
        <Text color="magenta" bold>
          (含【待核实】{pending})
        </Text>
      )}
    </Text>
  );
}
