import { Spinner } from '@inkjs/ui';
import { Box, useInput } from 'ink';
import { useState } from 'react';
import { unwrap } from '../../client.ts';
import { readUpload } from '../../services/index.ts';
import { ErrorLine } from '../components/error-line.tsx';
import { Screen } from '../components/screen.tsx';
import { useClient } from '../contexts/client.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useRefState } from '../hooks/use-ref-state.ts';
import { fields, NewDraftForm, SavedDrafts } from './draft-new-form.tsx';

const keys = [
  { key: '↑↓', label: '选择' },
  { key: '←→', label: '更改' },
  { key: 'Enter', label: '确定' },
  { key: 'm', label: '用/不用今年材料' },
  { key: 'q', label: '返回' },
];

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

/** What a new draft is made of: the year, last year's report, a ledger file (else the stored ledger), this year's materials. */
interface NewDraftRequest {
  year: number;
  fromReportId: string | undefined;
  ledgerFile: string | null;
  materials: boolean;
}

/**
 * Builds and saves a new draft (POST /api/draft/outline), then opens it. The ledger file is read
 * without blocking, so the spinner keeps turning while it loads.
 */
function useCreateDraft(onOpen: (draftId: string) => void) {
  const client = useClient();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>();
  const create = (request: NewDraftRequest) => {
    setCreating(true);
    setError(undefined);
    (async () => {
      const { draft } = await unwrap(
        await client.api.draft.outline.$post({
          json: {
            year: request.year,
            ...(request.fromReportId ? { fromReportId: request.fromReportId } : {}),
            ...(request.ledgerFile ? { ledger: await readUpload(request.ledgerFile) } : {}),
            ...(request.materials ? { materials: {} } : {}),
          },
        }),
      );
      onOpen(draft.id);
    })().catch((e: unknown) => {
      setError(e);
      setCreating(false);
    });
  };
  return { creating, error, create };
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
  const choices = useChoices();
  const { creating, error, create } = useCreateDraft(onOpen);
  const data = choices.data;
  const [year, setYear, yearRef] = useRefState<number | null>(null);
  const [reportIndex, setReportIndex, reportRef] = useRefState<number | null>(null);
  const [ledgerFile, setLedgerFile] = useState<string | null>(null);
  const [typingLedger, setTypingLedger] = useState(false);
  const [row, setRow, rowRef] = useRefState(0);
  // This year's materials are used when there are any, unless the writer turns them off (m).
  const [useMaterials, setUseMaterials, useMaterialsRef] = useRefState(true);

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
    create({ year: y, fromReportId: from?.id, ledgerFile, materials });
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
