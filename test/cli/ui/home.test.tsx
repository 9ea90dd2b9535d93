import { afterEach, describe, expect, it } from 'vitest';
import { openApi, renderApp, type TestApi, type Ui } from './support.tsx';

let api: TestApi | undefined;
let ui: Ui | undefined;
afterEach(() => {
  ui?.unmount();
  api?.close();
});

describe('home screen', () => {
  it('imports the bundled corpus on first run, then shows corpus, ledger and model status', async () => {
    api = await openApi();
    ui = renderApp(api.client);
    const frame = await ui.until('核对文稿');
    expect(frame).toContain('1 份往年报告(2016年)');
    expect(frame).toMatch(/台账 101 条记录:2016年 \d+ 项 · 2017年 \d+ 项/);
    expect(frame).toContain('离线模式');
    for (const item of ['起草', '核查', '问答', '语料']) expect(frame).toContain(item);
    expect(frame).toContain('q 退出');
  });
});
