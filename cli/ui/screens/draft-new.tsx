import { Spinner } from '@inkjs/ui';
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { unwrap } from '../../client.ts';
import { readUploadFile } from '../../files.ts';
import { ErrorLine } from '../components/error-line.tsx';
import { Screen } from '../components/screen.tsx';
import { TextField } from '../components/text-field.tsx';
import { useClient } from '../contexts/client.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useRefState } from '../hooks/use-ref-state.ts';

const keys = [
  { key: '↑↓', label: '选择' },
  { key: '←→', label: '更改' },
  { key: 'Enter', label: '确定' },
  { key: 'm', label: '用/不用今年材料' },
  { key: 'q', label: '返回' },
];

/** The rows of the form: three choices and the start button, then the saved drafts. */
type Field = 'year' | 'report' | 'ledger' | 'start';
const fields: Field[] = ['year', 'report', 'ledger', 'start'];

/** What the form is built from: stored reports, ledger years, saved drafts. */
function useChoices() {
  const client = useClient();
  return useAsync(async () => {
    const [reports, ledger, drafts, materials] = await Promise.all([
      unwrap(await client.api.reports.$get()),
      unwrap(await client.api.ledger.$get({ query: {} })),
      unwrap(await client.api.drafts.$get()),
      unwrap(await client.api.materials.$get({ query: {} })),
    ]);
    const years = new Map<number, number>();
    for (const r of ledger.records) years.set(r.year, (years.get(r.year) ?? 0) + 1);
    const materialYears = new Map<number, number>();
    for (const m of materials.materials) materialYears.set(m.year, (materialYears.get(m.year) ?? 0) + 1);
    return { reports: reports.reports, ledgerYears: years, materialYears, drafts: drafts.drafts };
  }, []);
}

/** The year a new draft is for by default: the year after the latest stored report (else last year). */
function nextYear(reports: readonly { year: number | null }[]): number {
  const latest = Math.max(0, ...reports.map((r) => r.year ?? 0));
  return latest ? latest + 1 : new Date().getFullYear() - 1;
}

/** Last year's report for a year: the one chosen (`index`), else the report of the year before. */
const reportIndexFor = (reports: readonly { year: number | null }[], year: number, index: number | null) =>
  index ??
  Math.max(
    0,
    reports.findIndex((r) => r.year === year - 1),
  );

/** The row marker: ❯ on the selected row. */
const mark = (i: number, row: number) => (i === row ? <Text color="cyan">❯ </Text> : <Text>{'  '}</Text>);

/** The new draft's choices: the year, last year's report, the ledger (the stored one or a file), this year's materials, the start button. */
function NewDraftForm({
  width,
  row,
  year,
  report,
  ledger,
  materials,
  onLedger,
}: {
  width: number;
  row: number;
  year: number;
  report: { title: string; year: number | null } | undefined;
  ledger: { file: string | null; typing: boolean; records: number };
  /** The year's stored materials, and whether the draft uses them (m toggles). */
  materials: { count: number; use: boolean };
  /** The ledger file typed (null: the stored ledger), or the field left as it was (undefined). */
  onLedger: (file: string | null | undefined) => void;
}) {
  return (
    <>
      <Text bold>新建草稿</Text>
      <Text>
        {mark(0, row)}起草年度 <Text color="cyan">‹ {year}年 ›</Text>
      </Text>
      <Text wrap="truncate-end">
        {mark(1, row)}上年报告{' '}
        <Text color="cyan">
          {report ? `‹ ${report.title}(${report.year ?? '年份不详'}年)›` : '库中没有报告'}
        </Text>
      </Text>
      <Box>
        {mark(2, row)}
        <Text>台账 </Text>
        {ledger.typing ? (
          <TextField
            initial={ledger.file ?? ''}
            width={width - 12}
            maxRows={1}
            placeholder="台账文件路径(.csv .xlsx .json),留空用台账库"
            onSubmit={(value) => onLedger(value.trim() || null)}
            onCancel={() => onLedger(undefined)}
          />
        ) : (
          <Text color="cyan" wrap="truncate-end">
            {ledger.file ?? `台账库(${year}年 ${ledger.records} 项)`}
          </Text>
        )}
      </Box>
      <Text wrap="truncate-end">
        {'  '}今年材料{' '}
        <Text color="cyan">
          {materials.count === 0
            ? `库中没有${year}年的材料(govdraft materials add 导入)`
            : materials.use
              ? `用${year}年材料 ${materials.count} 份(m 不用)`
              : `不用,只沿用上年报告(m 使用 ${materials.count} 份材料)`}
        </Text>
      </Text>
      {!ledger.file && ledger.records === 0 && (
        <Text color="yellow">台账库中没有{year}年的数据:上年的数字都会标为【待核实】。</Text>
      )}
      <Text>
        {mark(3, row)}
        <Text bold color={row === 3 ? 'cyan' : undefined}>
          开始起草
        </Text>
      </Text>
    </>
  );
}

/** The saved drafts, below the form's rows; Enter on one opens it. */
function SavedDrafts({
  drafts,
  row,
}: {
  drafts: readonly { id: string; title: string; updatedAt: string; paragraphs: number; pending: number }[];
  row: number;
}) {
  if (drafts.length === 0) return null;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>已保存的草稿</Text>
      {drafts.map((d, i) => (
        <Text key={d.id} wrap="truncate-end">
          {mark(fields.length + i, row)}
          {d.title}
          <Text dimColor>
            {' '}
            保存于 {new Date(d.updatedAt).toLocaleString('zh-CN')} · {d.paragraphs} 段 · 【待核实】{d.pending}
          </Text>
        </Text>
      ))}
    </Box>
  );
}

export interface DraftNewProps {
  /** Opens a draft (a new one once saved, or a saved one) in the workspace. */
  onOpen: (draftId: string) => void;
  onBack: () => void;
}

/**
 * Starting a draft: the year, last year's report to carry forward and the ledger (the stored ledger
 * or a file), or opening a saved draft. The draft is built and saved by POST /api/draft/outline.
 */
export function DraftNewScreen({ onOpen, onBack }: DraftNewProps) {
  const client = useClient();
  const choices = useChoices();
  const data = choices.data;
  const [year, setYear, yearRef] = useRefState<number | null>(null);
  const [reportIndex, setReportIndex, reportRef] = useRefState<number | null>(null);
  const [ledgerFile, setLedgerFile] = useState<string | null>(null);
  const [typingLedger, setTypingLedger] = useState(false);
  const [row, setRow, rowRef] = useRefState(0);
  const [creating, setCreating] = useState(false);
  // This year's materials are used when there are any, unless the writer turns them off (m).
  const [useMaterials, setUseMaterials, useMaterialsRef] = useRefState(true);
  const [error, setError] = useState<unknown>();

  const reports = data?.reports ?? [];
  const drafts = data?.drafts ?? [];
  const defaultYear = nextYear(reports);
  const chosenYear = year ?? defaultYear;
  const reportFor = (y: number, index: number | null) => reportIndexFor(reports, y, index);
  const report = reports[reportFor(chosenYear, reportIndex)];
  const ledgerCount = data?.ledgerYears.get(chosenYear) ?? 0;
  const materialCount = data?.materialYears.get(chosenYear) ?? 0;
  const rowCount = fields.length + drafts.length;

  const start = () => {
    const y = yearRef.current ?? defaultYear;
    const from = reports[reportFor(y, reportRef.current)];
    const materials = useMaterialsRef.current && (data?.materialYears.get(y) ?? 0) > 0;
    setCreating(true);
    setError(undefined);
    (async () => {
      const { draft } = await unwrap(
        await client.api.draft.outline.$post({
          json: {
            year: y,
            ...(from ? { fromReportId: from.id } : {}),
            ...(ledgerFile ? { ledger: readUploadFile(ledgerFile) } : {}),
            ...(materials ? { materials: {} } : {}),
          },
        }),
      );
      onOpen(draft.id);
    })().catch((e: unknown) => {
      setError(e);
      setCreating(false);
    });
  };

  useInput(
    (input, key) => {
      const at = rowRef.current;
      const field = fields[at];
      if (key.upArrow || input === 'k') setRow((r) => Math.max(0, r - 1));
      else if (key.downArrow || input === 'j') setRow((r) => Math.min(rowCount - 1, r + 1));
      else if (key.leftArrow || key.rightArrow) {
        const by = key.rightArrow ? 1 : -1;
        if (field === 'year') setYear((y) => (y ?? defaultYear) + by);
        else if (field === 'report' && reports.length > 0)
          setReportIndex(
            (i) => (reportFor(yearRef.current ?? defaultYear, i) + by + reports.length) % reports.length,
          );
        else if (field === 'ledger') setTypingLedger(true);
      } else if (key.return) {
        if (field === 'start') start();
        else if (field === 'ledger') setTypingLedger(true);
        else if (!field && drafts[at - fields.length]) onOpen(drafts[at - fields.length].id);
        else setRow((r) => r + 1);
      } else if (input === 'm') setUseMaterials((on) => !on);
      else if (input === 'q' || key.escape) onBack();
    },
    { isActive: !typingLedger && !creating && data !== undefined },
  );

  return (
    <Screen title="起草 · 新建或打开草稿" keys={keys}>
      {({ width }) => (
        <Box flexDirection="column" paddingX={1} paddingTop={1} width={width}>
          {choices.loading && <Spinner label="读取语料库…" />}
          {choices.error !== undefined && <ErrorLine error={choices.error} />}
          {data && (
            <>
              <NewDraftForm
                width={width}
                row={row}
                year={chosenYear}
                report={report}
                ledger={{ file: ledgerFile, typing: typingLedger, records: ledgerCount }}
                materials={{ count: materialCount, use: useMaterials }}
                onLedger={(file) => {
                  if (file !== undefined) setLedgerFile(file);
                  setTypingLedger(false);
                }}
              />
              {creating && (
                <Spinner
                  label={
                    useMaterials && materialCount > 0
                      ? '正在用今年材料起草,按今年台账核对数字…'
                      : '正在按今年台账沿用上年报告…'
                  }
                />
              )}
              {error !== undefined && <ErrorLine error={error} />}
              <SavedDrafts drafts={drafts} row={row} />
            </>
          )}
        </Box>
      )}
    </Screen>
  );
}
