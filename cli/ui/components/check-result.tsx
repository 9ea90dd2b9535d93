/** A checked text on screen: the figures coloured by verdict, n/p walking the problems, each explained. */
import type { InferResponseType } from 'hono/client';
import { Box, Text, useInput } from 'ink';
import { useMemo, useState } from 'react';
import type { CheckedClaim } from '../../../server/figures/index.ts';
import { verdictWord } from '../../../server/marks/index.ts';
import type { Client } from '../../client.ts';
import { figureSegments, verdictColor } from '../layout/figures.ts';
import { revealRow } from '../layout/scroll.ts';
import { inverseRow, textWidth, wrapSegments } from '../layout/wrap.ts';
import { Lines } from './lines.tsx';

/** What POST /api/check answers, as the route declares it. */
export type CheckAnswer = InferResponseType<Client['api']['check']['$post'], 200>;

/** The keys shown with a checked text. */
export const resultKeys = [
  { key: 'n/p', label: '下一处/上一处问题' },
  { key: '↑↓', label: '滚动' },
  { key: 'PgUp/PgDn', label: '翻页' },
  { key: 'o', label: '打开其他文件' },
  { key: 'x', label: '\u6279\u6CE8\u7248 .docx' },
  { key: 'q', label: '返回' },
];

/** How many rows the current problem's explanation takes under the text. */
const detailRows = 4;

/** The current problem: what was written, what the ledger says and where that comes from. */
function ProblemDetail({
  claim,
  index,
  count,
}: {
  claim: CheckedClaim | undefined;
  index: number;
  count: number;
}) {
  if (!claim) return count === 0 ? <Text color="green">没有发现问题:每个数字都与台账相符。</Text> : null;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>
          问题 {index + 1}/{count}{' '}
        </Text>
        <Text color={verdictColor[claim.verdict]} bold>
          “{claim.text}” {verdictWord[claim.verdict]}
        </Text>
        {claim.metric && <Text dimColor> [{claim.metric}]</Text>}
        {claim.expected !== null && (
          <Text>
            {' '}
            应为 {claim.expected.toLocaleString('zh-CN')} {claim.unit}
          </Text>
        )}
      </Text>
      <Text wrap="truncate-end">{claim.explanation}</Text>
      <Text wrap="truncate-end" dimColor>
        {claim.source ? `来源:${claim.source}` : '台账中没有对应的指标'}
        {claim.candidates?.length ? `;候选指标:${claim.candidates.join('、')}` : ''}
      </Text>
    </Box>
  );
}

/** The checked text, coloured by verdict, with n/p to walk the problems. */
export function CheckResultView({
  answer,
  label,
  width,
  height,
  onReopen,
  onBack,
  onAnnotate,
  isActive,
}: {
  answer: CheckAnswer;
  label: string;
  width: number;
  height: number;
  onReopen: () => void;
  onBack: () => void;
  onAnnotate: () => void;
  isActive: boolean;
}) {
  const problems = useMemo(
    () =>
      answer.claims
        .map((claim, i) => ({ claim, i }))
        .filter(({ claim }) => claim.verdict !== 'supported')
        .sort((a, b) => a.claim.start - b.claim.start),
    [answer],
  );
  const [current, setCurrent] = useState(-1);
  const [top, setTop] = useState(0);
  const textRows = Math.max(3, height - detailRows - 1);
  const selected = current >= 0 ? (problems[current]?.i ?? -1) : -1;
  const lines = useMemo(
    () => wrapSegments(figureSegments(answer.text, answer.claims, selected), width - 2),
    [answer, selected, width],
  );
  const jump = (to: number) => {
    if (problems.length === 0) return;
    const next = (to + problems.length) % problems.length;
    setCurrent(next);
    const row = inverseRow(
      wrapSegments(figureSegments(answer.text, answer.claims, problems[next].i), width - 2),
    );
    setTop((t) => revealRow(t, row, lines.length, textRows, Math.floor(textRows / 3)));
  };
  const scroll = (by: number) => setTop((t) => Math.max(0, Math.min(t + by, lines.length - textRows)));
  useInput(
    (input, key) => {
      if (input === 'n') jump(current + 1);
      else if (input === 'p') jump(current < 0 ? problems.length - 1 : current - 1);
      else if (key.downArrow || input === 'j') scroll(1);
      else if (key.upArrow || input === 'k') scroll(-1);
      else if (key.pageDown || input === ' ') scroll(textRows - 1);
      else if (key.pageUp) scroll(-(textRows - 1));
      else if (input === 'o') onReopen();
      else if (input === 'x') onAnnotate();
      else if (input === 'q' || key.escape) onBack();
    },
    { isActive },
  );
  return (
    <Box flexDirection="column" width={width}>
      <Box paddingX={1}>
        <Lines lines={lines.slice(top, top + textRows)} height={textRows} />
      </Box>
      <Text dimColor wrap="truncate-end">
        {'─'.repeat(Math.max(0, width - 2 - textWidth(label)))} {label}
      </Text>
      <Box paddingX={1} height={detailRows} flexDirection="column">
        <ProblemDetail claim={problems[current]?.claim} index={current} count={problems.length} />
        {current < 0 && problems.length > 0 && (
          <Text>
            共 {problems.length} 处问题,按 <Text color="cyan">n</Text> 逐个查看。
          </Text>
        )}
      </Box>
    </Box>
  );
}
