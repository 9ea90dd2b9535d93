import { Spinner } from '@inkjs/ui';
import { Box, Text, useInput } from 'ink';
import { useMemo, useState } from 'react';
import type { ChatAnswer, ChatCitation } from '../../../server/chat/index.ts';
import { toGovdraftError } from '../../../server/errors.ts';
import { citationLabel } from '../../format.ts';
import { Lines } from '../components/lines.tsx';
import { bodyArea, Screen } from '../components/screen.tsx';
import { TextField } from '../components/text-field.tsx';
import { useTerminalSize } from '../contexts/size.tsx';
import { type ChatEntry, useChat } from '../hooks/use-chat.ts';
import { useRefState } from '../hooks/use-ref-state.ts';
import { clampTop } from '../layout/scroll.ts';
import { type Segment, wrapSegments } from '../layout/wrap.ts';

const askKeys = [
  { key: 'Enter', label: '提问' },
  { key: 'Tab', label: '查看出处' },
  { key: 'PgUp/PgDn', label: '滚动' },
  { key: 'Esc', label: '返回' },
];

const browseKeys = [
  { key: '1-9', label: '打开出处' },
  { key: '↑↓', label: '滚动' },
  { key: 'Tab', label: '继续提问' },
  { key: 'q', label: '返回' },
];

const passageKeys = [{ key: 'Esc', label: '关闭' }];

/** 《甘泉路街道2016年工作总结》(二)补齐发展短板… 第2段(2016年) */
function citationText(c: ChatCitation): string {
  const where = c.section === 'footnote' ? `[${c.paragraph}]` : c.paragraph > 0 ? ` 第${c.paragraph}段` : '';
  return `${citationLabel({ ...c, reportTitle: c.report })}${where}(${c.year}年)`;
}

/** The answer with each grounded figure in green (its source is listed under the answer). */
function answerSegments(answer: ChatAnswer): Segment[] {
  const figures = answer.figures.filter((f) => f.grounded && f.text).map((f) => f.text);
  if (figures.length === 0) return [{ text: answer.answer }];
  const out: Segment[] = [];
  let at = 0;
  const text = answer.answer;
  while (at < text.length) {
    let next = -1;
    let hit = '';
    for (const f of figures) {
      const i = text.indexOf(f, at);
      if (i >= 0 && (next < 0 || i < next || (i === next && f.length > hit.length))) {
        next = i;
        hit = f;
      }
    }
    if (next < 0) break;
    if (next > at) out.push({ text: text.slice(at, next) });
    out.push({ text: hit, style: { color: 'green', bold: true } });
    at = next + hit.length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The conversation as segments: question, answer (streamed or final), notices, citations. */
function conversationSegments(entries: readonly ChatEntry[]): Segment[] {
  const out: Segment[] = [];
  for (const e of entries) {
    out.push({ text: '问 ', style: { color: 'cyan', bold: true } }, { text: `${e.question}\n` });
    out.push({ text: '答 ', style: { color: 'green', bold: true } });
    if (e.answer) out.push(...answerSegments(e.answer));
    else if (e.error !== undefined)
      out.push({ text: toGovdraftError(e.error).messageZh, style: { color: 'red' } });
    else out.push({ text: e.streamed || '…', style: e.streamed ? undefined : { dimColor: true } });
    out.push({ text: '\n' });
    for (const notice of e.notices) out.push({ text: `提示:${notice}\n`, style: { color: 'yellow' } });
    for (const c of e.answer?.citations ?? [])
      out.push({ text: `[${c.n}] ${citationText(c)}\n`, style: { dimColor: true } });
    out.push({ text: '\n' });
  }
  return out;
}

type Focus = 'ask' | 'browse' | 'passage';

/** A cited passage in full, under its citation. */
const passageSegments = (c: ChatCitation): Segment[] => [
  { text: `[${c.n}] ${citationText(c)}\n\n`, style: { color: 'cyan' } },
  { text: c.text },
];

/** The status row: answering, or how to open the sources of the last answer. */
function ChatStatus({ busy, cited }: { busy: boolean; cited: number }) {
  if (busy) return <Spinner label="正在回答…" />;
  return (
    <Text dimColor wrap="truncate-end">
      {cited ? `按 Tab 后输入编号查看出处(共 ${cited} 处)` : '数字取自台账,文字取自报告原文,均注明出处'}
    </Text>
  );
}

/**
 * The chat view: questions about past work answered from the ledger and the reports, streamed, with
 * numbered citations; Tab, then a number, opens a cited passage.
 */
export function ChatScreen({ onBack }: { onBack: () => void }) {
  const { entries, busy, ask } = useChat();
  const [focus, setFocus, focusRef] = useRefState<Focus>('ask');
  const [passage, setPassage] = useState<ChatCitation | null>(null);
  const [fromBottom, setFromBottom] = useState(0);
  const keys = focus === 'passage' ? passageKeys : focus === 'browse' ? browseKeys : askKeys;
  const area = bodyArea(useTerminalSize(), keys, true);
  const inputRows = 3;
  const viewRows = Math.max(3, area.height - inputRows);
  const lines = useMemo(
    () => wrapSegments(conversationSegments(entries), area.width - 2),
    [entries, area.width],
  );
  const passageLines = useMemo(
    () => (passage ? wrapSegments(passageSegments(passage), area.width - 2) : []),
    [passage, area.width],
  );
  const last = entries[entries.length - 1]?.answer;
  // Numbers open the citations of the latest answer that has any (a follow-up may cite nothing new).
  const cited = [...entries].reverse().find((e) => e.answer?.citations.length)?.answer?.citations ?? [];
  const top = clampTop(lines.length - viewRows - fromBottom, lines.length, viewRows);
  const scroll = (by: number) =>
    setFromBottom((b) => Math.max(0, Math.min(Math.max(0, lines.length - viewRows), b - by)));

  useInput((input, key) => {
    const current = focusRef.current;
    if (key.pageUp) scroll(-(viewRows - 1));
    else if (key.pageDown) scroll(viewRows - 1);
    else if (current === 'passage') {
      if (key.escape || input === 'q') setFocus('browse');
    } else if (current === 'browse') {
      if (key.tab) setFocus('ask');
      else if (key.upArrow || input === 'k') scroll(-1);
      else if (key.downArrow || input === 'j') scroll(1);
      else if (input === 'q' || key.escape) onBack();
      else {
        const citation = cited.find((c) => String(c.n) === input);
        if (citation) {
          setPassage(citation);
          setFocus('passage');
        }
      }
    } else if (key.tab) setFocus('browse');
  });

  return (
    <Screen
      title="问答"
      aside={last?.model ?? (entries.length ? '离线回答' : '')}
      status={<ChatStatus busy={busy} cited={cited.length} />}
      keys={keys}
    >
      {({ width, height }) =>
        focus === 'passage' ? (
          <Box paddingX={1} width={width}>
            <Lines lines={passageLines.slice(0, height)} />
          </Box>
        ) : (
          <Box flexDirection="column" width={width} height={height}>
            <Box paddingX={1} height={viewRows} flexDirection="column">
              {entries.length === 0 ? (
                <Text dimColor>例如:2016年拆除了多少违法建筑?/ 甘泉路街道怎样开展为老服务?/ 那2015年呢?</Text>
              ) : (
                <Lines lines={lines.slice(top, top + viewRows)} />
              )}
            </Box>
            <Box borderStyle="round" borderColor={focus === 'ask' ? 'cyan' : 'gray'} width={width}>
              <Text color="cyan">问 </Text>
              <TextField
                key={entries.length}
                width={width - 6}
                maxRows={1}
                placeholder="输入问题,Enter 提问"
                isActive={focus === 'ask' && !busy}
                onSubmit={(value) => {
                  setFromBottom(0);
                  void ask(value);
                }}
                onCancel={onBack}
              />
            </Box>
          </Box>
        )
      }
    </Screen>
  );
}
