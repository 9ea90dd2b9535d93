import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textWidth } from '../../../cli/ui/layout/wrap.ts';
import type { Route } from '../../../cli/ui/routes.ts';
import { corpusDir } from '../../../server/paths.ts';
import { createDraft, keys, loadBundled, openApi, renderApp, type TestApi } from './support.tsx';

let api: TestApi;
let draftId: string;
let file: string;
beforeAll(async () => {
  api = await openApi();
  await loadBundled(api.client);
  draftId = (await createDraft(api.client)).id;
  file = join(api.dataDir, 'report.txt');
  writeFileSync(file, readFileSync(join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt')));
});
afterAll(() => api.close());

/** One step: keys, then what the screen shows once they took effect. */
type Step = [keys: string[], shows: string];

/** A screen and the keys that bring it to a busy state. */
const screens: { name: string; route: Route; ready: string; steps: Step[] }[] = [
  { name: 'home', route: { name: 'home' }, ready: '核对文稿', steps: [] },
  {
    name: 'check',
    route: { name: 'check' },
    ready: '文稿路径',
    steps: [
      [['PATH', keys.enter], '没有发现问题'],
      [['n'], '没有发现问题'],
    ],
  },
  {
    name: 'corpus',
    route: { name: 'corpus' },
    ready: '过去的一年',
    steps: [
      [['/'], 'Enter 检索'],
      [['拆除违法建筑', keys.enter], '检索“拆除违法建筑”的结果'],
    ],
  },
  {
    name: 'chat',
    route: { name: 'chat' },
    ready: '例如',
    steps: [[['2016年拆除了多少违法建筑?', keys.enter], '[1]']],
  },
  {
    name: 'workspace',
    route: { name: 'workspace', draftId: 'DRAFT' },
    ready: '相符',
    steps: [
      [[keys.down, keys.down, keys.down, keys.enter, keys.down, keys.down], '(二)第2段'],
      [['s'], '上年原文'],
      [['s'], '(二)第2段'],
      [['c'], '问题 1/'],
      [[keys.escape, 'e'], 'Enter 保存'],
    ],
  },
];

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
])('at $columns×$rows', (size) => {
  it.each(screens)(
    '$name fits: no row wider than the terminal, one row to spare',
    async ({ route, ready, steps }) => {
      const r: Route = route.name === 'workspace' ? { name: 'workspace', draftId } : route;
      const ui = renderApp(api.client, r, size);
      try {
        await ui.until(ready);
        // Every frame drawn so far fits, not only the last one.
        const fits = () => {
          for (const frame of ui.history()) {
            const lines = frame.split('\n');
            expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
            for (const line of lines) expect(textWidth(line), line).toBeLessThanOrEqual(size.columns);
          }
        };
        fits();
        for (const [sequence, shows] of steps) {
          await ui.press(...sequence.map((k) => (k === 'PATH' ? file : k)));
          await ui.until(shows);
          fits();
        }
      } finally {
        ui.unmount();
      }
    },
  );
});
