/** The workspace reducer, driven by a table of actions without rendering anything. */
import { describe, expect, it } from 'vitest';
import { cursor, workspaceReducer } from '../../../../cli/ui/workspace/reducer.ts';
import {
  initialWorkspace,
  type WorkspaceAction,
  type WorkspaceState,
} from '../../../../cli/ui/workspace/state.ts';
import type { Draft, DraftParagraph } from '../../../../server/draft/index.ts';

const paragraph = (id: string, text: string): DraftParagraph => ({
  id,
  text,
  topic: null,
  origin: 'carry-forward',
  sourceParagraph: null,
  sourceText: null,
  figures: [],
  pending: 0,
});

/** A small draft: two preamble paragraphs, two parts of two paragraphs, one closing paragraph. */
const draft: Draft = {
  schemaVersion: 1,
  id: 'd2017-test',
  year: 2017,
  org: '甘泉路街道',
  title: '甘泉路街道2017年工作总结',
  fromReportId: null,
  fromTitle: null,
  fromYear: 2016,
  ledgerMissing: false,
  preamble: [paragraph('p0', '2017年,街道……'), paragraph('p1', '一年来……')],
  partsIntro: null,
  parts: [
    {
      id: 'part-1',
      marker: '(一)',
      title: '注重保障民生',
      sourcePart: 1,
      paragraphs: [paragraph('p2', '丰富为老服务内涵。'), paragraph('p3', '做好就业工作。')],
      newMetrics: [],
    },
    {
      id: 'part-2',
      marker: '(二)',
      title: '补齐发展短板',
      sourcePart: 2,
      paragraphs: [paragraph('p4', '社区人居环境得以改善。'), paragraph('p5', '拆除违法建筑。')],
      newMetrics: [],
    },
  ],
  closing: [paragraph('p6', '一是……')],
  footnotes: [],
  newMetrics: [],
  ledger: [],
  ledgerSource: '台账库',
  createdAt: '2018-01-01T00:00:00.000Z',
  updatedAt: '2018-01-01T00:00:00.000Z',
};

const at = (patch: Partial<WorkspaceState>): WorkspaceState => ({ ...initialWorkspace, ...patch });
const open = (...keys: string[]) => new Set(keys);

/** [what happens, the state before, the action, what the state then holds]. */
const cases: [string, WorkspaceState, WorkspaceAction, Partial<WorkspaceState>][] = [
  ['↓ from the title selects 开头', at({}), { type: 'move', draft, by: 1 }, { selected: 'preamble' }],
  ['↑ on the first row stays there', at({}), { type: 'move', draft, by: -1 }, { selected: 'title' }],
  [
    '↓ on the last row stays there',
    at({ selected: 'footnotes' }),
    { type: 'move', draft, by: 1 },
    { selected: 'footnotes' },
  ],
  [
    '↓ on an open part enters its first paragraph',
    at({ selected: 'part:part-2', open: open('part-2') }),
    { type: 'move', draft, by: 1 },
    { selected: 'p:p4' },
  ],
  [
    '↓ passes over a closed part’s paragraphs',
    at({ selected: 'part:part-1' }),
    { type: 'move', draft, by: 1 },
    { selected: 'part:part-2' },
  ],
  [
    'a selection that is gone counts as the first row',
    at({ selected: 'p:gone' }),
    { type: 'move', draft, by: 1 },
    { selected: 'preamble' },
  ],
  ['without a draft nothing moves', at({}), { type: 'move', draft: null, by: 1 }, { selected: 'title' }],
  ['Enter opens a part', at({}), { type: 'toggle', branch: 'part-1' }, { open: open('part-1') }],
  [
    'Enter again closes it',
    at({ open: open('part-1') }),
    { type: 'toggle', branch: 'part-1' },
    { open: open() },
  ],
  [
    'opening an open branch keeps it open',
    at({ open: open('part-1') }),
    { type: 'toggle', branch: 'part-1', open: true },
    { open: open('part-1') },
  ],
  [
    '← on a paragraph closes its part and selects the part',
    at({ selected: 'p:p5', open: open('part-2', 'closing') }),
    { type: 'collapse', draft },
    { selected: 'part:part-2', open: open('closing') },
  ],
  [
    '← on an open 开头 closes it and keeps it selected',
    at({ selected: 'preamble', open: open('preamble') }),
    { type: 'collapse', draft },
    { selected: 'preamble', open: open() },
  ],
  [
    '← on the title does nothing',
    at({ open: open('part-1') }),
    { type: 'collapse', draft },
    { selected: 'title', open: open('part-1') },
  ],
  [
    'a new selection shows the pane from its top',
    at({ selected: 'part:part-1', paneTop: 7 }),
    { type: 'select', key: 'part:part-2' },
    { paneTop: 0 },
  ],
  [
    'a new mode shows the pane from its top',
    at({ paneTop: 7 }),
    { type: 'mode', mode: { name: 'sources' } },
    { mode: { name: 'sources' }, paneTop: 0 },
  ],
  [
    'the next problem keeps the pane where it is',
    at({ mode: { name: 'problems', index: 0 }, paneTop: 7 }),
    { type: 'problem', by: 1, count: 3 },
    { mode: { name: 'problems', index: 1 }, paneTop: 7 },
  ],
  [
    'n after the last problem comes back to the first',
    at({ mode: { name: 'problems', index: 2 } }),
    { type: 'problem', by: 1, count: 3 },
    { mode: { name: 'problems', index: 0 } },
  ],
  [
    'p before the first problem goes to the last',
    at({ mode: { name: 'problems', index: 0 } }),
    { type: 'problem', by: -1, count: 3 },
    { mode: { name: 'problems', index: 2 } },
  ],
  [
    'no problems: the index stays 0',
    at({ mode: { name: 'problems', index: 0 } }),
    { type: 'problem', by: 1, count: 0 },
    { mode: { name: 'problems', index: 0 } },
  ],
  [
    'walking problems outside the problems view does nothing',
    at({}),
    { type: 'problem', by: 1, count: 3 },
    { mode: { name: 'view' } },
  ],
  [
    'typing updates the edit in progress',
    at({ mode: { name: 'edit', target: { kind: 'title' }, initial: '标题', value: '标题' } }),
    { type: 'typed', value: '标题(送审稿)' },
    { mode: { name: 'edit', target: { kind: 'title' }, initial: '标题', value: '标题(送审稿)' } },
  ],
  [
    'typing outside an edit changes nothing',
    at({ mode: { name: 'notes' } }),
    { type: 'typed', value: '要点' },
    { mode: { name: 'notes' } },
  ],
  [
    'going to a problem’s paragraph opens its part, selects it and gives the outline the keys',
    at({ mode: { name: 'problems', index: 1 }, paneTop: 4 }),
    { type: 'reveal-paragraph', paragraphId: 'p5', branch: 'part-2' },
    { selected: 'p:p5', open: open('part-2'), mode: { name: 'view' }, paneTop: 0 },
  ],
  [
    'PgDn scrolls by a page, never past the end',
    at({ paneTop: 0 }),
    { type: 'scroll', by: 9, total: 15, height: 10 },
    { paneTop: 5 },
  ],
  [
    'PgUp never scrolls above the top',
    at({ paneTop: 3 }),
    { type: 'scroll', by: -9, total: 15, height: 10 },
    { paneTop: 0 },
  ],
  [
    'the current problem’s figure below the window comes into sight with context',
    at({ paneTop: 0 }),
    { type: 'reveal-row', row: 20, total: 40, height: 10 },
    { paneTop: 13 },
  ],
  [
    'a message answers the last action',
    at({}),
    { type: 'message', message: { text: '已删除', tone: 'info' } },
    { message: { text: '已删除', tone: 'info' } },
  ],
  [
    'the next action clears it',
    at({ message: { text: '已删除', tone: 'info' } }),
    { type: 'message', message: null },
    { message: null },
  ],
];

describe('workspace reducer', () => {
  it.each(cases)('%s', (_what, before, action, expected) => {
    const after = workspaceReducer(before, action);
    expect(after).toMatchObject(expected);
    for (const [key, value] of Object.entries(expected))
      if (value instanceof Set)
        expect([...(after[key as keyof WorkspaceState] as Set<string>)]).toEqual([...value]);
  });

  it('never changes the state it is given', () => {
    const before = at({ selected: 'p:p5', open: open('part-2') });
    const copy = { ...before, open: new Set(before.open) };
    for (const [, , action] of cases) workspaceReducer(before, action);
    expect(before).toEqual(copy);
  });
});

describe('cursor', () => {
  it('finds the selected row and its paragraph in the outline of the open branches', () => {
    const c = cursor(at({ selected: 'p:p3', open: open('part-1') }), draft);
    expect(c.rows.map((r) => r.key)).toEqual([
      'title',
      'preamble',
      'part:part-1',
      'p:p2',
      'p:p3',
      'part:part-2',
      'closing',
      'footnotes',
    ]);
    expect(c.index).toBe(4);
    expect(c.paragraph?.paragraph.text).toBe('做好就业工作。');
    expect(c.paragraph?.branch).toEqual({ kind: 'part', partId: 'part-1' });
  });

  it('has no paragraph on a branch row and no rows without a draft', () => {
    expect(cursor(at({ selected: 'part:part-1' }), draft).paragraph).toBeNull();
    expect(cursor(at({}), null)).toMatchObject({ rows: [], index: 0, row: undefined, paragraph: null });
  });
});
