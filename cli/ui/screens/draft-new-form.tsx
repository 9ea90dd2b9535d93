import { Box, Text } from 'ink';
import { TextField } from '../components/text-field.tsx';

/** The rows of the form: three choices and the start button, then the saved drafts. */
export type Field = 'year' | 'report' | 'ledger' | 'start';
/** The form's rows in order; saved drafts follow them. */
export const fields: Field[] = ['year', 'report', 'ledger', 'start'];

/** The row marker: ❯ on the selected row. */
const mark = (i: number, row: number) => (i === row ? <Text color="cyan">❯ </Text> : <Text>{'  '}</Text>);

/** The new draft's choices: the year, last year's report, the ledger (the stored one or a file), this year's materials, the start button. */
export function NewDraftForm({
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
export function SavedDrafts({
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
