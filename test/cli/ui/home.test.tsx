import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../cli/client.ts';
import { startTestServer } from '../../support/api-server.ts';
import { keys, loadBundled, openApi, renderApp, type TestApi, type Ui } from './support.tsx';

let api: TestApi | undefined;
let ui: Ui | undefined;
afterEach(() => {
  ui?.unmount();
  api?.close();
});

describe('home screen', () => {
  it('imports the bundled corpus on first run with a progress bar, then shows corpus, ledger and model', async () => {
    api = await openApi();
    ui = renderApp(api.client);
    const frame = await ui.until('核对文稿');
    expect(ui.history().some((f) => f.includes('首次运行:正在导入内置示例语料'))).toBe(true);
    expect(ui.history().some((f) => /\d+\/12 \S+\.(txt|csv|docx|md|html)/.test(f))).toBe(true);
    expect(frame).toContain('1 份往年报告(2016年)');
    expect(frame).toMatch(/台账 101 条记录:2016年 \d+ 项 · 2017年 \d+ 项/);
    expect(frame).toContain('离线模式');
    for (const item of ['1 起草', '2 核查', '3 问答', '4 语料']) expect(frame).toContain(item);
    expect(frame).toContain('q 退出');
    expect(frame).not.toContain('继续上次的草稿');
  });

  it('names the configured model instead of 离线模式', async () => {
    api = await openApi({
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      GOVDRAFT_CHAT_MODEL: 'qwen2.5-7b-instruct',
    });
    await loadBundled(api.client);
    ui = renderApp(api.client);
    const frame = await ui.until('核对文稿');
    expect(frame).toContain('qwen2.5-7b-instruct');
    expect(frame).not.toContain('离线模式');
  });

  it.each([
    { key: '2', screen: '核查', shows: '打开要核查的文稿' },
    { key: '3', screen: '问答', shows: '例如:2016年拆除了多少违法建筑' },
    { key: '4', screen: '语料', shows: '甘泉路街道2016年工作总结' },
    { key: '1', screen: '起草', shows: '开始起草' },
  ])('key $key opens $screen, Esc comes back', async ({ key, shows }) => {
    api = await openApi();
    await loadBundled(api.client);
    ui = renderApp(api.client);
    await ui.until('核对文稿');
    await ui.press(key);
    await ui.until(shows);
    await ui.press(keys.escape);
    await ui.until('核对文稿');
  });

  it('works against a running server (--server URL) through the same typed client', async () => {
    const server = await startTestServer();
    try {
      await loadBundled(await createClient(server.config, server.url));
      ui = renderApp(await createClient(server.config, server.url));
      const frame = await ui.until('核对文稿');
      expect(frame).toContain('1 份往年报告(2016年)');
      await ui.press('4');
      await ui.until('过去的一年');
    } finally {
      ui?.unmount();
      ui = undefined;
      await server.close();
    }
  });

  it('moves with ↓ and opens with Enter', async () => {
    api = await openApi();
    await loadBundled(api.client);
    ui = renderApp(api.client);
    await ui.until('核对文稿');
    await ui.press(keys.down, keys.down, keys.down, keys.enter);
    await ui.until('台账 2016年');
  });
});
