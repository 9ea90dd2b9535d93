import { Spinner } from '@inkjs/ui';
import type { InferResponseType } from 'hono/client';
import { Box, Text, useInput } from 'ink';
import { useMemo, useState } from 'react';
import type { CheckedClaim } from '../../../server/figures/types.ts';
import { verdictWord } from '../../../server/marks/index.ts';
import { type Client, unwrap } from '../../client.ts';
import { annotatedPathFor, readUploadFile } from '../../files.ts';
import { AnnotateExport, type AnnotateRequest } from '../components/annotate-export.tsx';
import { ErrorLine } from '../components/error-line.tsx';
import { Lines } from '../components/lines.tsx';
import { Menu } from '../components/menu.tsx';
import { Screen } from '../components/screen.tsx';
import { TextField } from '../components/text-field.tsx';
import { VerdictCounts } from '../components/verdict-counts.tsx';
import { useClient } from '../contexts/client.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { figureSegments, verdictColor } from '../layout/figures.ts';
import { revealRow } from '../layout/scroll.ts';
import { inverseRow, textWidth, wrapSegments } from '../layout/wrap.ts';

/** What POST /api/check answers, as the route declares it. */
export type CheckAnswer = InferResponseType<Client['api']['check']['$post'], 200>;

const pickKeys = [
  { key: 'Tab', label: '切换文稿/台账/草稿' },
  { key: 'Enter', label: '核查' },
  { key: 'Esc', label: '返回' },
];

const resultKeys = [
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
function CheckResultView({
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

/** Which field of the open form has the keys. */
type Field = 'file' | 'ledger' | 'draft';

/**
 * The check view: open any .txt/.md/.docx file with the stored ledger (or a ledger file), see every
 * figure coloured by its verdict, and walk the problems with their expected values and sources.
 */
export function CheckScreen({ onBack, initialFile }: { onBack: () => void; initialFile?: string }) {
  const client = useClient();
  const [field, setField] = useState<Field>('file');
  const [file, setFile] = useState(initialFile ?? '');
  const [ledger, setLedger] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();
  const [answer, setAnswer] = useState<{
    answer: CheckAnswer;
    label: string;
    request: AnnotateRequest;
    annotatedPath: string;
  } | null>(null);
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const drafts = useAsync(async () => (await unwrap(await client.api.drafts.$get())).drafts, []);
  const order: Field[] = drafts.data?.length ? ['file', 'ledger', 'draft'] : ['file', 'ledger'];
  /** Checks a saved draft as its text reads (exported as .txt), against the stored ledger. */
  const runDraft = (id: string) => {
    setRunning(true);
    setError(undefined);
    (async () => {
      const exported = await unwrap(
        await client.api.draft.export.$post({ json: { draftId: id, format: 'txt' } }),
      );
      const text = 'content' in exported ? exported.content : '';
      const summary = drafts.data?.find((d) => d.id === id);
      const request = { text, year: summary?.year };
      const result = await unwrap(await client.api.check.$post({ json: request }));
      const title = summary?.title ?? id;
      setAnswer({
        answer: result,
        label: `草稿 ${title}`,
        request,
        annotatedPath: `./${title}.\u6838\u67E5.docx`,
      });
    })()
      .catch(setError)
      .finally(() => setRunning(false));
  };
  const run = (path: string, ledgerPath: string) => {
    if (!path.trim()) return;
    setRunning(true);
    setError(undefined);
    (async () => {
      const json = {
        file: readUploadFile(path.trim()),
        ledger: ledgerPath.trim() ? readUploadFile(ledgerPath.trim()) : undefined,
      };
      const result = await unwrap(await client.api.check.$post({ json }));
      setAnswer({
        answer: result,
        label: path.trim(),
        request: json,
        annotatedPath: annotatedPathFor(path.trim()),
      });
    })()
      .catch(setError)
      .finally(() => setRunning(false));
  };
  useInput(
    (_input, key) => {
      if (key.tab) setField((f) => order[(order.indexOf(f) + 1) % order.length]);
      else if (key.escape) onBack();
    },
    { isActive: !answer && !running },
  );
  const status = answer ? (
    <Text wrap="truncate-end">
      年度 {answer.answer.year ?? '未知'} · 台账 {answer.answer.ledgerRecords} 条 ·{' '}
      <VerdictCounts summary={answer.answer.summary} />
    </Text>
  ) : undefined;
  return (
    <Screen title="核查" aside={answer?.label} status={status} keys={answer ? resultKeys : pickKeys}>
      {({ width, height }) =>
        answer ? (
          <Box flexDirection="column">
            <CheckResultView
              answer={answer.answer}
              label={answer.label}
              width={width}
              height={exporting || notice ? height - 4 : height}
              onReopen={() => setAnswer(null)}
              onBack={onBack}
              onAnnotate={() => {
                setNotice(null);
                setExporting(true);
              }}
              isActive={!exporting}
            />
            {exporting && (
              <AnnotateExport
                request={answer.request}
                defaultPath={answer.annotatedPath}
                width={width}
                onDone={(message) => {
                  setExporting(false);
                  setNotice(message);
                }}
              />
            )}
            {notice && !exporting && (
              <Text color={notice.error ? 'red' : 'green'} wrap="truncate-end">
                {notice.text}
              </Text>
            )}
          </Box>
        ) : (
          <Box flexDirection="column" paddingX={1} paddingTop={1} width={width}>
            <Text>打开要核查的文稿(.txt .md .docx),数字将与台账逐一比对。</Text>
            <Box marginTop={1}>
              <Text color={field === 'file' ? 'cyan' : undefined}>文稿路径 </Text>
              <Box width={width - 12}>
                <TextField
                  key={`file-${field}`}
                  initial={file}
                  width={width - 12}
                  maxRows={2}
                  placeholder="如 ./2017年工作总结.docx"
                  isActive={field === 'file' && !running}
                  onChange={setFile}
                  onSubmit={(value) => run(value, ledger)}
                />
              </Box>
            </Box>
            <Box>
              <Text color={field === 'ledger' ? 'cyan' : undefined}>台账文件 </Text>
              <Box width={width - 12}>
                <TextField
                  key={`ledger-${field}`}
                  initial={ledger}
                  width={width - 12}
                  maxRows={2}
                  placeholder="留空则用已导入的台账库"
                  isActive={field === 'ledger' && !running}
                  onChange={setLedger}
                  onSubmit={(value) => run(file, value)}
                />
              </Box>
            </Box>
            {drafts.data && drafts.data.length > 0 && (
              <Box flexDirection="column" marginTop={1}>
                <Text color={field === 'draft' ? 'cyan' : undefined}>
                  或核查已保存的草稿(Tab 切换到这里,Enter 核查)
                </Text>
                <Menu
                  items={drafts.data.map((d) => ({
                    value: d.id,
                    label: d.title,
                    note: `【待核实】${d.pending}`,
                  }))}
                  onPick={runDraft}
                  isActive={field === 'draft' && !running}
                  maxRows={5}
                />
              </Box>
            )}
            {running && <Spinner label="正在核查…" />}
            {error !== undefined && <ErrorLine error={error} />}
          </Box>
        )
      }
    </Screen>
  );
}
