import { Spinner } from '@inkjs/ui';
import { Box, Text } from 'ink';
import { pendingTotal } from '../../../server/draft/index.ts';
import { DraftMarks } from '../components/draft-marks.tsx';
import { errorText } from '../components/error-line.tsx';
import { VerdictCounts } from '../components/verdict-counts.tsx';
import type { DraftSession } from '../hooks/use-draft.ts';
import type { Generation } from '../hooks/use-generation.ts';
import type { Message } from './state.ts';

/** Where saving stands, for the title row: 保存中…, 保存失败, 已保存 14:03:12. */
export function SaveLabel({ session }: { session: DraftSession }) {
  const label =
    session.save === 'saving'
      ? '保存中…'
      : session.save === 'failed'
        ? '保存失败'
        : session.savedAt
          ? `已保存 ${session.savedAt.toLocaleTimeString('zh-CN')}`
          : session.save === 'saved'
            ? '已保存'
            : '';
  return <Text color={session.save === 'failed' ? 'red' : 'green'}>{label}</Text>;
}

/** The right of the status row: the generation under way, its failure, the last message or the last result. */
function Activity({ generation, message }: { generation: Generation; message: Message | null }) {
  const { active, error, last } = generation;
  if (active) {
    const waiting = active.waiting ? `(还有 ${active.waiting} 段)` : '';
    return <Spinner label={`正在生成${waiting}:${active.message}`} />;
  }
  if (error !== undefined)
    return (
      <Text color="red" wrap="truncate-end">
        生成失败:{errorText(error)}(草稿未受影响)
      </Text>
    );
  if (message)
    return (
      <Text color={message.tone === 'error' ? 'red' : 'green'} wrap="truncate-end">
        {message.text}
      </Text>
    );
  if (!last) return null;
  return (
    <Text wrap="truncate-end">
      已生成 · <Text color="cyan">{last.pathLabel}</Text>
      {last.warnings.length > 0 && <Text color="yellow"> · {last.warnings[0].message_zh}</Text>}
    </Text>
  );
}

/** The status row: the draft's verdict counts (with its 【待核实】 markers) and what is happening. */
export function StatusLine({
  width,
  session,
  generation,
  message,
}: {
  width: number;
  session: DraftSession;
  generation: Generation;
  message: Message | null;
}) {
  const { draft, summary } = session;
  const pending = draft ? pendingTotal(draft) : 0;
  return (
    <Box width={width} justifyContent="space-between">
      <Box flexShrink={0}>
        {summary ? <VerdictCounts summary={summary} pending={pending} /> : <Text dimColor>核查中…</Text>}
        {draft && <DraftMarks draft={draft} />}
      </Box>
      <Box marginLeft={2} overflow="hidden">
        <Activity generation={generation} message={message} />
      </Box>
    </Box>
  );
}
