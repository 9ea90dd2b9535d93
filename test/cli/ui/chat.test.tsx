import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keys, loadBundled, openApi, renderApp, type TestApi, type Ui } from './support.tsx';

let api: TestApi;
let ui: Ui | undefined;
beforeEach(async () => {
  api = await openApi();
  await loadBundled(api.client);
});
afterEach(() => {
  ui?.unmount();
  api.close();
});

describe('chat view', () => {
  it('answers from the ledger with the report passage cited as [1]', async () => {
    ui = renderApp(api.client, { name: 'chat' });
    await ui.until('例如');
    await ui.press('2016年拆除了多少违法建筑?', keys.enter);
    const frame = await ui.until('[1] 《甘泉路街道2016年工作总结》');
    expect(frame).toContain('问 2016年拆除了多少违法建筑?');
    expect(frame).toContain('154处');
    expect(frame).toContain('离线回答');
  });

  it('understands a follow-up from the conversation', async () => {
    ui = renderApp(api.client, { name: 'chat' });
    await ui.until('例如');
    await ui.press('2016年拆除了多少违法建筑?', keys.enter);
    await ui.until('[1] 《');
    await ui.press('那2017年呢?', keys.enter);
    const frame = await ui.until('问 那2017年呢?');
    await ui.until('127处');
    expect(frame).toContain('问 那2017年呢?');
  });

  it('Tab then a number opens the cited passage; Esc closes it', async () => {
    ui = renderApp(api.client, { name: 'chat' });
    await ui.until('例如');
    await ui.press('2016年拆除了多少违法建筑?', keys.enter);
    await ui.until('[1] 《');
    await ui.press(keys.tab, '1');
    const frame = await ui.until('关闭');
    expect(frame).toContain('[1] 《甘泉路街道2016年工作总结》(二)');
    expect(frame).toContain('“五违四必”');
    await ui.press(keys.escape);
    await ui.until('打开出处');
  });
});
