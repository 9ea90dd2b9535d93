import { ProgressBar, Spinner } from '@inkjs/ui';
import { Box, Text, useInput } from 'ink';
import { unwrap } from '../../client.ts';
import { ErrorLine } from '../components/error-line.tsx';
import { Menu, type MenuItem } from '../components/menu.tsx';
import { Screen } from '../components/screen.tsx';
import { useClient } from '../contexts/client.tsx';
import { useSession } from '../contexts/session.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useFirstRun } from '../hooks/use-first-run.ts';
import type { Navigate } from '../routes.ts';

type Pick = 'resume' | 'draft' | 'check' | 'chat' | 'corpus';

const keys = [
  { key: '↑↓', label: '选择' },
  { key: 'Enter', label: '打开' },
  { key: '1-4', label: '直达' },
  { key: 'q', label: '退出' },
];

/** Ledger records per year, e.g. 2016年 50 项 · 2017年 51 项. */
function perYear(records: readonly { year: number }[]): string {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, n]) => `${year}年 ${n} 项`)
    .join(' · ');
}

/** Corpus, ledger and model status, as GET /api/status and /api/ledger report them. */
function useOverview(ready: boolean) {
  const client = useClient();
  return useAsync(async () => {
    if (!ready) return null;
    const [status, ledger, reports, drafts] = await Promise.all([
      unwrap(await client.api.status.$get({ query: {} })),
      unwrap(await client.api.ledger.$get({ query: {} })),
      unwrap(await client.api.reports.$get()),
      unwrap(await client.api.drafts.$get()),
    ]);
    return { status, ledger: ledger.records, reports: reports.reports, drafts: drafts.drafts };
  }, [ready]);
}

/** The home screen: status of the corpus, ledger and model; the four ways in; first-run import. */
export function HomeScreen({ navigate }: { navigate: Navigate }) {
  const { quit } = useSession();
  const firstRun = useFirstRun();
  const overview = useOverview(firstRun.phase === 'done');
  const data = overview.data;
  useInput((input) => {
    if (input === 'q') quit();
  });
  const latest = data?.drafts[0];
  const items: MenuItem<Pick>[] = [
    ...(latest
      ? [{ value: 'resume' as const, label: '继续上次的草稿', note: latest.title, hotkey: 'r' }]
      : []),
    { value: 'draft', label: '起草', note: '为新的一年起草工作总结,逐部分生成', hotkey: '1' },
    { value: 'check', label: '核查', note: '核对文稿中的每一个数字', hotkey: '2' },
    { value: 'chat', label: '问答', note: '就往年工作提问,答案附出处', hotkey: '3' },
    { value: 'corpus', label: '语料', note: '往年报告、台账与检索', hotkey: '4' },
  ];
  const pick = (value: Pick) => {
    if (value === 'resume' && latest) navigate({ name: 'workspace', draftId: latest.id });
    else if (value === 'draft') navigate({ name: 'draft-new' });
    else if (value === 'check') navigate({ name: 'check' });
    else if (value === 'chat') navigate({ name: 'chat' });
    else if (value === 'corpus') navigate({ name: 'corpus' });
  };
  const model = data?.status.model;
  const modelLabel = !data ? '' : model ? `模型 ${model.chatModel ?? '未设置对话模型'}` : '离线模式';
  return (
    <Screen title="年度工作总结起草与数字核查" aside={modelLabel} keys={keys}>
      {({ width }) => (
        <Box flexDirection="column" paddingX={1} paddingTop={1} width={width}>
          {firstRun.phase === 'checking' && <Spinner label="正在读取语料库…" />}
          {firstRun.phase === 'ingesting' && (
            <Box flexDirection="column">
              <Text>首次运行:正在导入内置示例语料(甘泉路街道2016年工作总结、台账及2017年示例材料)</Text>
              <Box width={Math.min(60, width - 4)}>
                <ProgressBar value={(firstRun.done / Math.max(1, firstRun.total)) * 100} />
              </Box>
              <Text dimColor>
                {firstRun.done}/{firstRun.total} {firstRun.current?.fileName}
              </Text>
            </Box>
          )}
          {firstRun.phase === 'failed' && <ErrorLine error={firstRun.error} />}
          {overview.error !== undefined && <ErrorLine error={overview.error} />}
          {data && (
            <Box flexDirection="column">
              <Text>
                <Text bold>语料 </Text>
                {data.status.counts.reports} 份往年报告
                {data.reports.length > 0 &&
                  `(${[...new Set(data.reports.map((r) => r.year ?? '年份不详'))].join('、')}年)`}
                ,{data.status.counts.chunks} 个检索片段
              </Text>
              <Text>
                <Text bold>台账 </Text>
                {data.status.counts.ledgerRecords} 条记录
                {data.ledger.length > 0 && `:${perYear(data.ledger)}`}
              </Text>
              <Text>
                <Text bold>模型 </Text>
                {model
                  ? `${model.chatModel ?? '未设置对话模型'}(${model.baseURL})`
                  : '离线模式:起草沿用上年文字并换上本年数字,问答摘录原文'}
              </Text>
              <Box marginTop={1}>
                <Menu items={items} onPick={pick} />
              </Box>
            </Box>
          )}
        </Box>
      )}
    </Screen>
  );
}
