import { Spinner } from '@inkjs/ui';
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { unwrap } from '../../client.ts';
import { annotatedPathFor } from '../../files.ts';
import type { AnnotateRequest } from '../../services/annotate.ts';
import { draftExport } from '../../services/export.ts';
import { readUpload } from '../../services/index.ts';
import { AnnotateExport } from '../components/annotate-export.tsx';
import { type CheckAnswer, CheckResultView, resultKeys } from '../components/check-result.tsx';
import { ErrorLine } from '../components/error-line.tsx';
import { Menu } from '../components/menu.tsx';
import { Screen } from '../components/screen.tsx';
import { TextField } from '../components/text-field.tsx';
import { VerdictCounts } from '../components/verdict-counts.tsx';
import { useClient } from '../contexts/client.tsx';
import { useAsync } from '../hooks/use-async.ts';

const pickKeys = [
  { key: 'Tab', label: '切换文稿/台账/草稿' },
  { key: 'Enter', label: '核查' },
  { key: 'Esc', label: '返回' },
];

/** Which field of the open form has the keys. */
type Field = 'file' | 'ledger' | 'draft';

/** A checked text, what it was checked from, and where its annotated copy goes by default. */
interface Checked {
  answer: CheckAnswer;
  label: string;
  request: AnnotateRequest;
  annotatedPath: string;
}

/** A saved draft offered for checking. */
interface SavedDraft {
  id: string;
  title: string;
  year: number;
  pending: number;
}

/** The form: a file path, a ledger file (or the stored ledger), or a saved draft; Tab moves between them. */
function CheckForm({
  width,
  paths,
  onPaths,
  drafts,
  running,
  error,
  onRun,
  onDraft,
  onBack,
}: {
  width: number;
  /** The paths as typed, kept by the screen for when the writer comes back to the form (o). */
  paths: { file: string; ledger: string };
  onPaths: (paths: { file: string; ledger: string }) => void;
  drafts: readonly SavedDraft[];
  running: boolean;
  error: unknown;
  onRun: (file: string, ledger: string) => void;
  onDraft: (id: string) => void;
  onBack: () => void;
}) {
  const [field, setField] = useState<Field>('file');
  const { file, ledger } = paths;
  const order: Field[] = drafts.length ? ['file', 'ledger', 'draft'] : ['file', 'ledger'];
  useInput(
    (_input, key) => {
      if (key.tab) setField((f) => order[(order.indexOf(f) + 1) % order.length]);
      else if (key.escape) onBack();
    },
    { isActive: !running },
  );
  const path = (which: 'file' | 'ledger', label: string, placeholder: string) => (
    <Box>
      <Text color={field === which ? 'cyan' : undefined}>{label} </Text>
      <Box width={width - 12}>
        <TextField
          key={`${which}-${field}`}
          initial={which === 'file' ? file : ledger}
          width={width - 12}
          maxRows={2}
          placeholder={placeholder}
          isActive={field === which && !running}
          onChange={(value) => onPaths({ ...paths, [which]: value })}
          onSubmit={(value) => (which === 'file' ? onRun(value, ledger) : onRun(file, value))}
        />
      </Box>
    </Box>
  );
  return (
    <Box flexDirection="column" paddingX={1} paddingTop={1} width={width}>
      <Text>打开要核查的文稿(.txt .md .docx),数字将与台账逐一比对。</Text>
      <Box marginTop={1}>{path('file', '文稿路径', '如 ./2017年工作总结.docx')}</Box>
      {path('ledger', '台账文件', '留空则用已导入的台账库')}
      {drafts.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          <Text color={field === 'draft' ? 'cyan' : undefined}>
            或核查已保存的草稿(Tab 切换到这里,Enter 核查)
          </Text>
          <Menu
            items={drafts.map((d) => ({ value: d.id, label: d.title, note: `【待核实】${d.pending}` }))}
            onPick={onDraft}
            isActive={field === 'draft' && !running}
            maxRows={5}
          />
        </Box>
      )}
      {running && <Spinner label="正在核查…" />}
      {error !== undefined && <ErrorLine error={error} />}
    </Box>
  );
}

/** The checked text with the annotated-copy dialog (x) and its outcome under it. */
function CheckedView({
  checked,
  width,
  height,
  onReopen,
  onBack,
}: {
  checked: Checked;
  width: number;
  height: number;
  onReopen: () => void;
  onBack: () => void;
}) {
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <Box flexDirection="column">
      <CheckResultView
        answer={checked.answer}
        label={checked.label}
        width={width}
        height={exporting || notice ? height - 4 : height}
        onReopen={onReopen}
        onBack={onBack}
        onAnnotate={() => {
          setNotice(null);
          setExporting(true);
        }}
        isActive={!exporting}
      />
      {exporting && (
        <AnnotateExport
          request={checked.request}
          defaultPath={checked.annotatedPath}
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
  );
}

/**
 * The check view: open any .txt/.md/.docx file with the stored ledger (or a ledger file), see every
 * figure coloured by its verdict, and walk the problems with their expected values and sources.
 */
export function CheckScreen({ onBack, initialFile }: { onBack: () => void; initialFile?: string }) {
  const client = useClient();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [paths, setPaths] = useState({ file: initialFile ?? '', ledger: '' });
  const drafts = useAsync(async () => (await unwrap(await client.api.drafts.$get())).drafts, []);
  /** Runs a check and shows its answer; `label` and the annotated copy's path name what was checked. */
  const check = (make: () => Promise<{ request: AnnotateRequest; label: string; annotatedPath: string }>) => {
    setRunning(true);
    setError(undefined);
    (async () => {
      const { request, label, annotatedPath } = await make();
      const answer = await unwrap(await client.api.check.$post({ json: request }));
      setChecked({ answer, label, request, annotatedPath });
    })()
      .catch(setError)
      .finally(() => setRunning(false));
  };
  /** Checks a saved draft as its text reads (exported as .txt), against the stored ledger. */
  const runDraft = (id: string) =>
    check(async () => {
      const summary = drafts.data?.find((d) => d.id === id);
      const title = summary?.title ?? id;
      const text = String(await draftExport(client, { id }, 'txt'));
      return {
        request: { text, year: summary?.year },
        label: `草稿 ${title}`,
        annotatedPath: `./${title}.\u6838\u67E5.docx`,
      };
    });
  const run = (path: string, ledgerPath: string) => {
    if (!path.trim()) return;
    check(async () => ({
      request: {
        file: await readUpload(path.trim()),
        ledger: ledgerPath.trim() ? await readUpload(ledgerPath.trim()) : undefined,
      },
      label: path.trim(),
      annotatedPath: annotatedPathFor(path.trim()),
    }));
  };
  const status = checked ? (
    <Text wrap="truncate-end">
      年度 {checked.answer.year ?? '未知'} · 台账 {checked.answer.ledgerRecords} 条 ·{' '}
      <VerdictCounts summary={checked.answer.summary} />
    </Text>
  ) : undefined;
  return (
    <Screen title="核查" aside={checked?.label} status={status} keys={checked ? resultKeys : pickKeys}>
      {({ width, height }) =>
        checked ? (
          <CheckedView
            checked={checked}
            width={width}
            height={height}
            onReopen={() => setChecked(null)}
            onBack={onBack}
          />
        ) : (
          <CheckForm
            width={width}
            paths={paths}
            onPaths={setPaths}
            drafts={drafts.data ?? []}
            running={running}
            error={error}
            onRun={run}
            onDraft={runDraft}
            onBack={onBack}
          />
        )
      }
    </Screen>
  );
}
