/**
 * The office as a filter in the terminal UI, rendered with Ink: the bundled office (甘泉路街道) and a
 * second one in one store; `o` steps the corpus view through the store's offices, and it shows
 * that office's data only. Tests wait on frames (state), not the clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrap } from '../../../cli/client.ts';
import { loadBundled, openApi, renderApp, type TestApi, type Ui } from './support.tsx';

const otherLedger = ['街道,年度,指标名称,数值,计量单位', '五角场街道,2016,拆除违法建筑,38,处'].join('\n');
const otherReport = [
  '五角场街道2016年工作总结',
  '',
  '一、主要工作',
  '',
  '（一）城市管理走向精细',
  '',
  '开展违法建筑整治。全年拆除违法建筑38处，整治群租房。',
].join('\n');

let api: TestApi;
let ui: Ui | undefined;
beforeEach(async () => {
  api = await openApi();
  await loadBundled(api.client);
  await unwrap(
    await api.client.api.ledger.$post({ query: {}, json: { fileName: 'wjc-2016.csv', text: otherLedger } }),
  );
  await unwrap(
    await api.client.api.reports.$post({ query: {}, json: { fileName: 'wjc-2016.txt', text: otherReport } }),
  );
});
afterEach(() => {
  ui?.unmount();
  api.close();
});

describe('the office as a filter in the terminal UI', { timeout: 120_000 }, () => {
  it('o steps the corpus view through the offices: reports and ledger years of that office only', async () => {
    ui = renderApp(api.client, { name: 'corpus' }, { columns: 100, rows: 24 });
    const all = await ui.until((f) => f.includes('单位：全部（共 2 个）') && f.includes('五角场街道2016'));
    expect(all).toContain('甘泉路街道2016年工作总结');
    await ui.press('o');
    const ganquan = await ui.until(
      (f) => f.includes('单位：甘泉路街道（1/2）') && !f.includes('五角场街道2016'),
    );
    expect(ganquan).toContain('甘泉路街道2016年工作总结');
    await ui.press('o');
    const wujiaochang = await ui.until(
      (f) => f.includes('单位：五角场街道（2/2）') && !f.includes('甘泉路街道2016'),
    );
    expect(wujiaochang).toContain('五角场街道2016年工作总结');
    expect(wujiaochang).toMatch(/台账 2016年\(1 项\)/);
    expect(wujiaochang).not.toMatch(/台账 2017年/);
  });
});
