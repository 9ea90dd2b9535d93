/** The outline's keys (modes view, sources and help): move, open and close, and every action on a row. */
import type { Key } from 'ink';
import { errorText } from '../components/error-line.tsx';
import { editableAt, moveParagraph, movePart } from '../draft/edits.ts';
import { branchKey, branchOfRow, branchParagraphs } from '../draft/outline.ts';
import { useModeKeys, type WorkspaceControls } from './controls.ts';
import { cursor } from './reducer.ts';
import type { Mode } from './state.ts';

/** The keys shown while the outline has them. */
export const viewHints = [
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

/** The keys shown while a paragraph is being generated. */
export const generatingHints = [
  { key: '↑↓', label: '移动' },
  { key: 'Esc', label: '停止生成' },
  { key: 'q', label: '返回' },
];

/** Every key of the workspace explained (the ? panel). */
export const workspaceHelp = [
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

/** Whether the outline has the keys in a mode. */
export const ownsView = (mode: Mode): boolean =>
  mode.name === 'view' || mode.name === 'sources' || mode.name === 'help';

/** Tells the writer why a key did nothing. */
const say = (ws: WorkspaceControls, text: string) =>
  ws.dispatch({ type: 'message', message: { text, tone: 'info' } });

/** g: generates the selected paragraph, or every paragraph of the selected branch. */
function generate(ws: WorkspaceControls) {
  const draft = ws.session.latest.current;
  const { row } = cursor(ws.latest.current, draft);
  if (!draft || !row) return;
  const branch = branchOfRow(row);
  const ids =
    row.kind === 'paragraph'
      ? [row.paragraphId]
      : branch
        ? branchParagraphs(draft, branch).map((p) => p.id)
        : [];
  if (ids.length === 0) return say(ws, '选择一个部分或段落再按 g 生成');
  void ws.generation.run(ids);
}

/** e: edits the title, a part's title or a paragraph. */
function startEdit(ws: WorkspaceControls) {
  const draft = ws.session.latest.current;
  if (!draft) return;
  const editable = editableAt(draft, cursor(ws.latest.current, draft).row);
  if (!editable) return say(ws, '选择标题、部分或段落再按 e 编辑');
  const { target, text } = editable;
  ws.dispatch({ type: 'mode', mode: { name: 'edit', target, initial: text, value: text } });
}

/** J / K: moves the selected part or paragraph down (+1) or up (−1). */
function reorder(ws: WorkspaceControls, delta: number): void {
  const { row } = cursor(ws.latest.current, ws.session.latest.current);
  if (row?.kind === 'part') ws.session.change((d) => movePart(d, row.partId, delta));
  else if (row?.kind === 'paragraph') ws.session.change((d) => moveParagraph(d, row.paragraphId, delta));
}

/** c: checks the whole draft again and walks its problems from the first. */
function check(ws: WorkspaceControls): void {
  ws.dispatch({ type: 'mode', mode: { name: 'problems', index: 0 } });
  void ws.session
    .recheck()
    .catch((error: unknown) =>
      ws.dispatch({ type: 'message', message: { text: errorText(error), tone: 'error' } }),
    );
}

/** The actions on the selected row, refused while a paragraph is being generated. */
function rowKey(ws: WorkspaceControls, input: string, key: Key) {
  const state = ws.latest.current;
  const draft = ws.session.latest.current;
  const { row, paragraph } = cursor(state, draft);
  const branch = branchOfRow(row);
  const to = (mode: Mode) => ws.dispatch({ type: 'mode', mode });
  if ((key.return || key.rightArrow) && branch && row && 'open' in row)
    return ws.dispatch({ type: 'toggle', branch: branchKey(branch) });
  if (key.leftArrow && branch) return ws.dispatch({ type: 'collapse', draft });
  if (input === 's') return to({ name: state.mode.name === 'sources' || !paragraph ? 'view' : 'sources' });
  if (input === 'g') return generate(ws);
  if (input === 'e') return startEdit(ws);
  if (input === 'J') return reorder(ws, 1);
  if (input === 'K') return reorder(ws, -1);
  if (input === 'a') return branch ? to({ name: 'notes' }) : say(ws, '选择一个部分或段落再按 a 添加');
  if (input === 'd' && (row?.kind === 'part' || row?.kind === 'paragraph')) return to({ name: 'delete' });
  if (input === 'x') return to({ name: 'export-format' });
  if (input === 'c') return check(ws);
}

/** The outline's keys: moving and scrolling always; the row's actions unless a paragraph is being generated. */
function viewKey(ws: WorkspaceControls, input: string, key: Key) {
  const { dispatch, generation, pane } = ws;
  const busy = generation.active !== null;
  if (key.escape) return busy ? generation.cancel() : dispatch({ type: 'mode', mode: { name: 'view' } });
  // A message answers the last action; the next action replaces it.
  if (!key.upArrow && !key.downArrow && !key.pageUp && !key.pageDown)
    dispatch({ type: 'message', message: null });
  const draft = ws.session.latest.current;
  const scroll = (by: number) => dispatch({ type: 'scroll', by, total: pane.lines, height: pane.rows });
  if (key.upArrow || input === 'k') return dispatch({ type: 'move', draft, by: -1 });
  if (key.downArrow || input === 'j') return dispatch({ type: 'move', draft, by: 1 });
  if (key.pageDown || input === ' ') return scroll(pane.rows - 1);
  if (key.pageUp) return scroll(-(pane.rows - 1));
  if (input === 'q') return ws.leave();
  if (input === '?')
    return dispatch({
      type: 'mode',
      mode: { name: ws.latest.current.mode.name === 'help' ? 'view' : 'help' },
    });
  if (!busy) rowKey(ws, input, key);
}

/** The outline has the keys (the right pane shows the selected row, its sources or the help). */
export function ViewMode({ ws }: { ws: WorkspaceControls }) {
  useModeKeys(ws, ownsView, (input, key) => viewKey(ws, input, key));
  return null;
}
