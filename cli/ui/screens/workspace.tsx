import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { Spinner } from '@inkjs/ui';
import { Box, type Key, Text, useInput } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { pendingTotal } from '../../../server/draft/document/index.ts';
import type { Draft } from '../../../server/draft/types.ts';
import { toGovdraftError } from '../../../server/errors.ts';
import type { CheckResult } from '../../../server/figures/types.ts';
import { verdictWord } from '../../../server/marks/index.ts';
import { unwrap } from '../../client.ts';
import { annotatedDocx } from '../components/annotate-export.tsx';
import { DraftMarks } from '../components/draft-marks.tsx';
import { ErrorLine } from '../components/error-line.tsx';
import { HelpPanel } from '../components/help-panel.tsx';
import { Lines } from '../components/lines.tsx';
import { type Badge, OutlinePane } from '../components/outline-pane.tsx';
import { bodyArea, Screen } from '../components/screen.tsx';
import { TextField } from '../components/text-field.tsx';
import { VerdictCounts } from '../components/verdict-counts.tsx';
import { useClient } from '../contexts/client.tsx';
import { useSession } from '../contexts/session.tsx';
import { useTerminalSize } from '../contexts/size.tsx';
import {
  insertParagraph,
  moveParagraph,
  movePart,
  removeParagraph,
  removePart,
  setParagraphText,
  setPartTitle,
  setTitle,
  writerParagraph,
} from '../draft/edits.ts';
import {
  type Branch,
  branchKey,
  branchParagraphs,
  findParagraph,
  type OutlineRow,
  outlineRows,
} from '../draft/outline.ts';
import { type DraftProblem, draftProblems } from '../draft/problems.ts';
import { useDraft } from '../hooks/use-draft.ts';
import { useExemplars } from '../hooks/use-exemplars.ts';
import { useGeneration } from '../hooks/use-generation.ts';
import { useRefState } from '../hooks/use-ref-state.ts';
import {
  branchView,
  footnotesView,
  paragraphPlace,
  paragraphProblems,
  paragraphView,
  sourcesView,
  titleView,
  yearBoundProblem,
} from '../layout/draft-view.ts';
import { type FigureSpan, figureSegments, verdictColor } from '../layout/figures.ts';
import { clampTop, revealRow } from '../layout/scroll.ts';
import { inverseRow, type Segment, wrapSegments } from '../layout/wrap.ts';

/** What the right pane is doing. */
type Mode =
  | 'view'
  | 'sources'
  | 'problems'
  | 'help'
  | 'edit'
  | 'notes'
  | 'delete'
  | 'export-format'
  | 'export-path';

const exportFormats = { '1': 'md', '2': 'docx', '3': 'txt', '4': 'annotated' } as const;
type ExportFormat = (typeof exportFormats)[keyof typeof exportFormats];

const viewKeys = [
  { key: '↑↓', label: '移动' },
  { key: 'Enter', label: '展开' },
  { key: 'g', label: '生成' },
  { key: 'e', label: '编辑' },
  { key: 'J/K', label: '下移/上移' },
  { key: 'a', label: '添加' },
  { key: 'd', label: '删除' },
  { key: 's', label: '来源' },
  { key: 'c', label: '核查' },
  { key: 'x', label: '导出' },
  { key: '?', label: '帮助' },
  { key: 'q', label: '返回' },
];

const modeKeys: Partial<Record<Mode, { key: string; label: string }[]>> = {
  edit: [
    { key: 'Enter', label: '保存' },
    { key: 'Esc', label: '取消' },
    { key: '←→', label: '移动光标' },
    { key: 'Ctrl-A/E', label: '行首/行尾' },
  ],
  notes: [
    { key: 'Enter', label: '按要点生成一段' },
    { key: 'Esc', label: '取消' },
  ],
  delete: [
    { key: 'y', label: '确认删除' },
    { key: '其他键', label: '取消' },
  ],
  'export-format': [
    { key: '1', label: '.md' },
    { key: '2', label: '.docx' },
    { key: '3', label: '.txt' },
    { key: '4', label: '\u6279\u6CE8\u7248 .docx' },
    { key: 'Esc', label: '取消' },
  ],
  'export-path': [
    { key: 'Enter', label: '导出' },
    { key: 'Esc', label: '取消' },
  ],
  problems: [
    { key: 'n/p', label: '下一处/上一处' },
    { key: 'Enter', label: '转到该段' },
    { key: 'Esc', label: '返回' },
  ],
};

const generatingKeys = [
  { key: '↑↓', label: '移动' },
  { key: 'Esc', label: '停止生成' },
  { key: 'q', label: '返回' },
];

const help = [
  { key: '↑↓ j/k', text: '在大纲中移动' },
  { key: 'Enter →', text: '展开/收起一个部分;←收起' },
  { key: 'g', text: '生成或重新生成选中的段落或整个部分(流式;显示沿用上年/模型润色)' },
  { key: 'e', text: '编辑标题、部分标题或段落(中文输入;Enter 保存,Esc 取消)' },
  { key: 'J / K', text: '把选中的部分或段落下移/上移;(一)…(六)自动重新编号' },
  { key: 'a', text: '根据要点添加一段(数字只取自台账)' },
  { key: 'd', text: '删除选中的部分或段落(需确认)' },
  { key: 's', text: '来源:上年原文、往年同类段落、所用台账记录' },
  { key: 'c', text: '核查全文;n/p 逐个查看问题' },
  { key: 'x', text: '导出 .md / .docx / .txt' },
  { key: 'PgUp/PgDn', text: '滚动右侧内容' },
  { key: 'q', text: '返回首页(草稿已随时保存)' },
  { key: 'Ctrl-C', text: '保存后退出' },
];

/** The branch a row belongs to (a paragraph's, or the branch row itself). */
function branchOf(row: OutlineRow | undefined): Branch | null {
  if (!row) return null;
  if (row.kind === 'paragraph') return row.branch;
  if (row.kind === 'part') return { kind: 'part', partId: row.partId };
  if (row.kind === 'preamble' || row.kind === 'closing') return { kind: row.kind };
  return null;
}

/** The worst problem of each outline row (paragraph rows, and branch rows over their paragraphs). */
function badgesOf(
  draft: Draft,
  rows: readonly OutlineRow[],
  checks: ReturnType<typeof useDraft>['checks'],
  drafting: string | null,
): Map<string, Badge> {
  const rank: Badge[] = ['none', 'clean', 'unverified', 'pending', 'contradicted'];
  const worst = (a: Badge, b: Badge): Badge => (rank.indexOf(a) >= rank.indexOf(b) ? a : b);
  const ofParagraph = (id: string): Badge => {
    if (id === drafting) return 'drafting';
    const found = findParagraph(draft, id);
    const check = checks.get(id);
    if (!found || !check) return 'none';
    const p = paragraphProblems(found.paragraph, check);
    if (p.contradicted) return 'contradicted';
    if (p.pending || p.yearBound) return 'pending';
    if (p.unverified) return 'unverified';
    return check.claims.length > 0 ? 'clean' : 'none';
  };
  const badges = new Map<string, Badge>();
  for (const row of rows) {
    if (row.kind === 'paragraph') badges.set(row.key, ofParagraph(row.paragraphId));
    const branch = branchOf(row);
    if (branch && row.kind !== 'paragraph') {
      const ids = branchParagraphs(draft, branch).map((p) => p.id);
      badges.set(
        row.key,
        ids.includes(drafting ?? '') ? 'drafting' : ids.map(ofParagraph).reduce(worst, 'none'),
      );
    }
  }
  return badges;
}

/** A problem explained (what is written, what the ledger says, where from), then its paragraph. */
function problemSegments(
  draft: Draft,
  checks: ReadonlyMap<string, CheckResult>,
  problem: DraftProblem,
  n: number,
  count: number,
): Segment[] {
  const found = findParagraph(draft, problem.paragraphId);
  if (!found) return [];
  const number = branchParagraphs(draft, found.branch).findIndex((p) => p.id === problem.paragraphId) + 1;
  const out: Segment[] = [
    {
      text: `问题 ${n + 1}/${count} · ${paragraphPlace(draft, found.branch, number)}\n`,
      style: { bold: true },
    },
  ];
  if (problem.kind === 'claim') {
    const c = problem.claim;
    out.push({
      text: `“${c.text}” ${verdictWord[c.verdict]}`,
      style: { color: verdictColor[c.verdict], bold: true },
    });
    if (c.metric) out.push({ text: ` [${c.metric}]`, style: { dimColor: true } });
    if (c.expected !== null) out.push({ text: ` 应为 ${c.expected.toLocaleString('zh-CN')} ${c.unit}` });
    out.push({ text: `\n${c.explanation}\n` });
    out.push({
      text: `${c.source ? `来源:${c.source}` : '台账中没有对应的指标'}\n`,
      style: { dimColor: true },
    });
  } else if (problem.kind === 'year-bound') {
    out.push(...yearBoundProblem(problem.text));
  } else {
    const f = problem.figure;
    out.push({ text: f.text, style: { color: 'magenta', bold: true } });
    out.push({
      text: `\n今年台账中没有${f.metric ? `“${f.metric}”` : '这一指标'}的数值:请核实后按 e 改写。\n`,
    });
  }
  const claims: FigureSpan[] = checks.get(problem.paragraphId)?.claims ?? [];
  const markers: FigureSpan[] = found.paragraph.figures
    .filter((f) => f.status === 'pending')
    .map((f) => ({ start: f.start, end: f.end, verdict: 'unverified', pending: true }));
  const current =
    problem.kind === 'claim'
      ? problem.index
      : problem.kind === 'pending'
        ? claims.length + markers.findIndex((m) => m.start === problem.figure.start)
        : -1;
  return [...out, { text: '\n' }, ...figureSegments(found.paragraph.text, [...claims, ...markers], current)];
}

export interface WorkspaceProps {
  draftId: string;
  onBack: () => void;
}

/**
 * The draft workspace: the outline tree on the left (标题, 开头, (一)…(六) and their paragraphs, 存在问题,
 * 注释), the selected item on the right with figures coloured by verdict, a status line counting the
 * problems. Every change is saved at once through the drafts API.
 */
export function WorkspaceScreen({ draftId, onBack }: WorkspaceProps) {
  const client = useClient();
  const { onQuit } = useSession();
  const session = useDraft(draftId);
  const generation = useGeneration(draftId, session);
  const { draft, checks, summary } = session;
  const [open, setOpen, openRef] = useRefState<ReadonlySet<string>>(new Set());
  const [selectedKey, setSelectedKey, selectedRef] = useRefState('title');
  const [mode, setMode, modeRef] = useRefState<Mode>('view');
  const [paneTop, setPaneTop] = useState(0);
  const [problemIndex, setProblemIndex, problemRef] = useRefState(0);
  const [format, setFormat, formatRef] = useRefState<ExportFormat>('md');
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const editing = useRef<{ apply: (text: string) => (d: Draft) => Draft; value: string } | null>(null);

  const rows = useMemo(() => (draft ? outlineRows(draft, open) : []), [draft, open]);
  const selected = Math.max(
    0,
    rows.findIndex((r) => r.key === selectedKey),
  );
  const row = rows[selected];
  const problems = useMemo(() => (draft ? draftProblems(draft, checks) : []), [draft, checks]);
  const busy = generation.active !== null;
  const keys = busy ? generatingKeys : (modeKeys[mode] ?? viewKeys);
  const size = useTerminalSize();
  const area = bodyArea(size, keys, true);
  const outlineWidth = Math.min(34, Math.floor(area.width * 0.38));
  const paneWidth = area.width - outlineWidth - 2;
  const selectedParagraph = row?.kind === 'paragraph' && draft ? findParagraph(draft, row.paragraphId) : null;
  const exemplars = useExemplars(mode === 'sources' ? (selectedParagraph?.paragraph ?? null) : null);

  // An edit in progress is saved too when the writer leaves with Ctrl-C.
  useEffect(
    () =>
      onQuit(async () => {
        const edit = editing.current;
        if (!edit) return;
        editing.current = null;
        session.change(edit.apply(edit.value));
        await session.flush();
      }),
    [onQuit, session],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new selection or mode starts at the top
  useEffect(() => setPaneTop(0), [selectedKey, mode]);

  const paneSegments = useMemo((): Segment[] => {
    if (!draft || !row) return [];
    if (mode === 'problems') {
      const problem = problems[problemIndex];
      if (!problem)
        return [
          { text: '没有发现问题:每个数字都与台账相符,也没有【待核实】标记。', style: { color: 'green' } },
        ];
      return problemSegments(draft, checks, problem, problemIndex, problems.length);
    }
    if (mode === 'sources' && selectedParagraph) return sourcesView(selectedParagraph.paragraph, exemplars);
    if (generation.active && selectedParagraph?.paragraph.id === generation.active.paragraphId) {
      return [
        { text: `${generation.active.message}\n\n`, style: { color: 'cyan' } },
        {
          text: generation.active.text || selectedParagraph.paragraph.text,
          style: generation.active.text ? undefined : { dimColor: true },
        },
      ];
    }
    if (row.kind === 'title') return titleView(draft);
    if (row.kind === 'footnotes') return footnotesView(draft);
    if (row.kind === 'paragraph' && selectedParagraph)
      return paragraphView(
        draft,
        row.branch,
        row.number,
        selectedParagraph.paragraph,
        checks.get(row.paragraphId),
      );
    const branch = branchOf(row);
    return branch ? branchView(draft, branch, checks, generation.active) : [];
  }, [draft, row, mode, problems, problemIndex, selectedParagraph, exemplars, generation.active, checks]);

  const paneRows =
    area.height - (['edit', 'notes', 'delete', 'export-format', 'export-path'].includes(mode) ? 8 : 0);
  const paneLines = useMemo(() => wrapSegments(paneSegments, paneWidth), [paneSegments, paneWidth]);

  /** The outline as the keys see it: every change and move of this chunk of keys applied. */
  const now = () => {
    const d = session.latest.current;
    const all = d ? outlineRows(d, openRef.current) : [];
    const index = Math.max(
      0,
      all.findIndex((r) => r.key === selectedRef.current),
    );
    const at = all[index];
    const found = at?.kind === 'paragraph' && d ? findParagraph(d, at.paragraphId) : null;
    return { draft: d, rows: all, index, row: at, found };
  };

  const select = (key: string) => setSelectedKey(key);
  const moveSelection = (by: number) => {
    const { rows: all, index } = now();
    const next = all[Math.max(0, Math.min(all.length - 1, index + by))];
    if (next) select(next.key);
  };
  const toggle = (key: string, to?: boolean) =>
    setOpen((s) => {
      const next = new Set(s);
      if (to ?? !next.has(key)) next.add(key);
      else next.delete(key);
      return next;
    });

  const startEdit = () => {
    const { draft: d, row: at, found } = now();
    if (!d || !at) return;
    if (at.kind === 'title') editing.current = { apply: (t) => (x) => setTitle(x, t), value: d.title };
    else if (at.kind === 'part') {
      const part = d.parts.find((p) => p.id === at.partId);
      editing.current = { apply: (t) => (x) => setPartTitle(x, at.partId, t), value: part?.title ?? '' };
    } else if (at.kind === 'paragraph' && found) {
      editing.current = {
        apply: (t) => (x) => setParagraphText(x, at.paragraphId, t),
        value: found.paragraph.text,
      };
    } else return setMessage({ text: '选择标题、部分或段落再按 e 编辑', tone: 'info' });
    setMode('edit');
  };

  const generate = () => {
    const { draft: d, row: at } = now();
    if (!d || !at) return;
    const branch = branchOf(at);
    const ids =
      at.kind === 'paragraph' ? [at.paragraphId] : branch ? branchParagraphs(d, branch).map((p) => p.id) : [];
    if (ids.length === 0) return setMessage({ text: '选择一个部分或段落再按 g 生成', tone: 'info' });
    void generation.run(ids);
  };

  const reorder = (delta: number) => {
    const { row: at } = now();
    if (at?.kind === 'part') session.change((d) => movePart(d, at.partId, delta));
    else if (at?.kind === 'paragraph') session.change((d) => moveParagraph(d, at.paragraphId, delta));
  };

  const remove = () => {
    const { rows: all, index, row: at } = now();
    if (!at) return;
    const before = all[index - 1];
    if (at.kind === 'part') session.change((d) => removePart(d, at.partId));
    else if (at.kind === 'paragraph') session.change((d) => removeParagraph(d, at.paragraphId));
    else return;
    if (before) select(before.key);
    setMessage({ text: '已删除', tone: 'info' });
  };

  const addFromNotes = (notes: string) => {
    const { row: at } = now();
    const branch = branchOf(at);
    setMode('view');
    if (!branch || !notes.trim()) return;
    const paragraph = writerParagraph();
    session.change((d) =>
      insertParagraph(d, branch, at?.kind === 'paragraph' ? at.paragraphId : null, paragraph),
    );
    toggle(branchKey(branch), true);
    select(`p:${paragraph.id}`);
    void generation.run([paragraph.id], notes);
  };

  const exportTo = (path: string) => {
    setMode('view');
    if (!path.trim()) return;
    const target = resolve(path.trim());
    const chosen = formatRef.current;
    (async () => {
      await session.flush();
      const exported = await unwrap(
        await client.api.draft.export.$post({
          json: { draftId, format: chosen === 'annotated' ? 'docx' : chosen },
        }),
      );
      const bytes =
        'contentBase64' in exported ? Buffer.from(exported.contentBase64, 'base64') : exported.content;
      // The annotated copy: the exported .docx checked with a comment on each finding.
      const current = session.latest.current;
      const named = { fileName: `${current?.title ?? draftId}.docx`, year: current?.year };
      writeFileSync(
        target,
        chosen === 'annotated' && typeof bytes !== 'string'
          ? await annotatedDocx(client, named, bytes)
          : bytes,
      );
      const shown = relative(process.cwd(), target);
      setMessage({ text: `已导出 ${shown.startsWith('..') ? target : `./${shown}`}`, tone: 'info' });
    })().catch((error: unknown) => setMessage({ text: errorText(error), tone: 'error' }));
  };

  const leave = () => {
    generation.cancel();
    void session.flush().finally(onBack);
  };

  const scrollPane = (by: number) => setPaneTop((t) => clampTop(t + by, paneLines.length, paneRows));

  /** Keys of the problems view: walk the problems, jump to one's paragraph. */
  const problemKey = (input: string, key: Key) => {
    const count = problems.length;
    if (input === 'n' || key.downArrow) setProblemIndex((i) => (count ? (i + 1) % count : 0));
    else if (input === 'p' || key.upArrow) setProblemIndex((i) => (count ? (i - 1 + count) % count : 0));
    else if (key.return && problems[problemRef.current]) {
      const id = problems[problemRef.current].paragraphId;
      const found = session.latest.current && findParagraph(session.latest.current, id);
      if (found) toggle(branchKey(found.branch), true);
      select(`p:${id}`);
      setMode('view');
    } else if (input === 'q' || input === 'c') setMode('view');
    else if (key.pageDown) scrollPane(paneRows - 1);
    else if (key.pageUp) scrollPane(-(paneRows - 1));
  };

  /** Keys of the outline: move, open, and every action on the selected row. */
  const outlineKey = (input: string, key: Key) => {
    const { rows: all, row: at, found } = now();
    // A message answers the last action; the next action replaces it.
    if (!key.upArrow && !key.downArrow && !key.pageUp && !key.pageDown) setMessage(null);
    if (key.upArrow || input === 'k') return moveSelection(-1);
    if (key.downArrow || input === 'j') return moveSelection(1);
    if (key.pageDown || input === ' ') return scrollPane(paneRows - 1);
    if (key.pageUp) return scrollPane(-(paneRows - 1));
    if (input === 'q') return leave();
    if (input === '?') return setMode(modeRef.current === 'help' ? 'view' : 'help');
    if (busy) return;
    const branch = branchOf(at);
    if ((key.return || key.rightArrow) && branch && at && 'open' in at) return toggle(branchKey(branch));
    if (key.leftArrow && branch) {
      const parent = all.find(
        (r) =>
          r.kind !== 'paragraph' && branchOf(r) && branchKey(branchOf(r) as Branch) === branchKey(branch),
      );
      toggle(branchKey(branch), false);
      if (parent) select(parent.key);
      return;
    }
    if (input === 's') return setMode(modeRef.current === 'sources' || !found ? 'view' : 'sources');
    if (input === 'g') return generate();
    if (input === 'e') return startEdit();
    if (input === 'J') return reorder(1);
    if (input === 'K') return reorder(-1);
    if (input === 'a')
      return branch ? setMode('notes') : setMessage({ text: '选择一个部分或段落再按 a 添加', tone: 'info' });
    if (input === 'd') return at?.kind === 'part' || at?.kind === 'paragraph' ? setMode('delete') : undefined;
    if (input === 'x') return setMode('export-format');
    if (input === 'c') {
      setProblemIndex(0);
      setMode('problems');
      void session.recheck().catch((error: unknown) => setMessage({ text: errorText(error), tone: 'error' }));
    }
  };

  useInput((input, key) => {
    const current = modeRef.current;
    // A text field has the keys while editing; the mode (a ref) switches before any re-render.
    if (current === 'edit' || current === 'notes' || current === 'export-path') return;
    if (key.escape) {
      if (busy) generation.cancel();
      else setMode('view');
    } else if (current === 'delete') {
      setMode('view');
      if (input === 'y' || input === 'Y') remove();
    } else if (current === 'export-format') {
      const chosen = exportFormats[input as keyof typeof exportFormats];
      if (chosen) {
        setFormat(chosen);
        setMode('export-path');
      }
    } else if (current === 'problems') problemKey(input, key);
    else outlineKey(input, key);
  });

  // In the problems view the current problem's figure stays in sight.
  useEffect(() => {
    if (mode !== 'problems') return;
    setPaneTop((t) => revealRow(t, inverseRow(paneLines), paneLines.length, paneRows));
  }, [mode, paneLines, paneRows]);

  const badges = useMemo(
    () =>
      draft
        ? badgesOf(draft, rows, checks, generation.active?.paragraphId ?? null)
        : new Map<string, Badge>(),
    [draft, rows, checks, generation.active?.paragraphId],
  );

  const pending = draft ? pendingTotal(draft) : 0;
  const saveLabel =
    session.save === 'saving'
      ? '保存中…'
      : session.save === 'failed'
        ? '保存失败'
        : session.savedAt
          ? `已保存 ${session.savedAt.toLocaleTimeString('zh-CN')}`
          : session.save === 'saved'
            ? '已保存'
            : '';
  const status = (
    <Box width={area.width} justifyContent="space-between">
      <Box flexShrink={0}>
        {summary ? <VerdictCounts summary={summary} pending={pending} /> : <Text dimColor>核查中…</Text>}
        {draft && <DraftMarks draft={draft} />}
      </Box>
      <Box marginLeft={2} overflow="hidden">
        {generation.active ? (
          <Spinner
            label={`正在生成${generation.active.waiting ? `(还有 ${generation.active.waiting} 段)` : ''}:${generation.active.message}`}
          />
        ) : generation.error !== undefined ? (
          <Text color="red" wrap="truncate-end">
            生成失败:{errorText(generation.error)}(草稿未受影响)
          </Text>
        ) : message ? (
          <Text color={message.tone === 'error' ? 'red' : 'green'} wrap="truncate-end">
            {message.text}
          </Text>
        ) : generation.last ? (
          <Text wrap="truncate-end">
            已生成 · <Text color="cyan">{generation.last.pathLabel}</Text>
            {generation.last.warnings.length > 0 && (
              <Text color="yellow"> · {generation.last.warnings[0].message_zh}</Text>
            )}
          </Text>
        ) : null}
      </Box>
    </Box>
  );

  return (
    <Screen
      title={`起草 · ${draft?.title ?? ''}`}
      aside={<Text color={session.save === 'failed' ? 'red' : 'green'}>{saveLabel}</Text>}
      status={status}
      keys={keys}
    >
      {({ width, height }) => {
        if (session.loadError !== undefined) return <ErrorLine error={session.loadError} />;
        if (!draft) return <Spinner label="正在打开草稿…" />;
        return (
          <Box width={width} height={height}>
            <Box
              width={outlineWidth + 1}
              borderStyle="single"
              borderTop={false}
              borderBottom={false}
              borderLeft={false}
            >
              <OutlinePane
                rows={rows}
                selected={selected}
                height={height}
                width={outlineWidth}
                badges={badges}
              />
            </Box>
            <Box flexDirection="column" paddingLeft={1} width={paneWidth + 1}>
              {mode === 'help' ? (
                <HelpPanel title="起草工作区的按键" entries={help} />
              ) : (
                <Lines lines={paneLines.slice(paneTop, paneTop + paneRows)} />
              )}
              {mode === 'edit' && editing.current && (
                <Box flexDirection="column" borderStyle="round" borderColor="cyan" width={paneWidth}>
                  <TextField
                    initial={editing.current.value}
                    width={paneWidth - 2}
                    maxRows={6}
                    onChange={(value) => {
                      if (editing.current) editing.current.value = value;
                    }}
                    onSubmit={(value) => {
                      const edit = editing.current;
                      editing.current = null;
                      setMode('view');
                      if (edit && value !== undefined) session.change(edit.apply(value));
                    }}
                    onCancel={() => {
                      editing.current = null;
                      setMode('view');
                    }}
                  />
                </Box>
              )}
              {mode === 'notes' && (
                <Box flexDirection="column" borderStyle="round" borderColor="cyan" width={paneWidth}>
                  <Text dimColor>要点(数字只取自台账,不要手写数字):</Text>
                  <TextField
                    width={paneWidth - 2}
                    maxRows={5}
                    onSubmit={addFromNotes}
                    onCancel={() => setMode('view')}
                  />
                </Box>
              )}
              {mode === 'delete' && (
                <Box flexDirection="column">
                  <Text color="red" bold>
                    {row?.kind === 'part' ? '删除整个部分?' : '删除这一段?'}
                  </Text>
                  <Text wrap="truncate-end">{row?.label}</Text>
                  <Text color="red">按 y 确认,其他键取消</Text>
                </Box>
              )}
              {mode === 'export-format' && (
                <Text color="cyan">导出为:1 .md 2 .docx 3 .txt 4 \u6279\u6CE8\u7248 .docx</Text>
              )}
              {mode === 'export-path' && draft && (
                <Box borderStyle="round" borderColor="cyan" width={paneWidth} flexDirection="column">
                  <Text dimColor>导出到(Enter 确认):</Text>
                  <TextField
                    initial={`./${draft.title.replace(/[\\/:*?"<>|\s]+/g, '_')}.${format === 'annotated' ? '\u6838\u67E5.docx' : format}`}
                    width={paneWidth - 2}
                    maxRows={2}
                    onSubmit={exportTo}
                    onCancel={() => setMode('view')}
                  />
                </Box>
              )}
            </Box>
          </Box>
        );
      }}
    </Screen>
  );
}

/** An error's Chinese message. */
const errorText = (error: unknown): string => toGovdraftError(error).messageZh;
