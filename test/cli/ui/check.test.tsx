import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { corpusDir } from '../../../server/paths.ts';
import { anchoredComments } from '../../support/docx-review.ts';
import { createDraft, keys, loadBundled, openApi, renderApp, type TestApi, type Ui } from './support.tsx';

// Colour on, as in a terminal: chalk reads FORCE_COLOR when Ink loads it, so before the imports.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

let api: TestApi;
let ui: Ui | undefined;
let file: string;
beforeEach(async () => {
  api = await openApi();
  await loadBundled(api.client);
  // The seed report with two figures changed: 3400余次 → 3500余次, 4720人次 → 4725人次.
  const seed = readFileSync(join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt'), 'utf8');
  file = join(api.dataDir, '待核查.txt');
  writeFileSync(file, seed.replace('3400余次', '3500余次').replace('4720人次', '4725人次'));
});
afterEach(() => {
  ui?.unmount();
  api.close();
});

/** Opens the check view and checks `path` against the stored ledger. */
async function openCheck(path: string): Promise<Ui> {
  const u = renderApp(api.client, { name: 'check' });
  await u.until('文稿路径');
  await u.press(path);
  await u.press(keys.enter);
  return u;
}

describe('check view', () => {
  it('shows the text with figures coloured by verdict and counts the problems', async () => {
    ui = await openCheck(file);
    const frame = await ui.until('不符 2');
    expect(frame).toMatch(/年度 2016 · 台账 101 条 · 相符 \d+ · 不符 2 · 无法核对 \d+/);
    expect(frame).toContain('甘泉路街道2016年工作总结');
    expect(frame).toContain('共 2 处问题,按 n 逐个查看');
    expect(frame).toContain('n/p 下一处/上一处问题');
  });

  it('x writes the annotated .docx of the checked file, a comment on each problem', async () => {
    ui = await openCheck(file);
    await ui.until('不符 2');
    await ui.press('x');
    const frame = await ui.until('批注版 .docx 写到');
    expect(frame).toContain('待核查.核查.docx');
    await ui.press(keys.enter);
    await ui.until('已写出批注版');
    const written = new Uint8Array(readFileSync(join(api.dataDir, '待核查.核查.docx')));
    expect(anchoredComments(written).map((c) => c.anchored)).toEqual(['3500余次', '4725人次']);
    await ui.press('n');
    await ui.until('问题 1/2');
  });

  it('n and p walk the problems, each with its expected value and ledger source', async () => {
    ui = await openCheck(file);
    await ui.until('不符 2');
    await ui.press('n');
    let frame = await ui.until('问题 1/2');
    expect(frame).toContain('“3500余次” 不符 [社区互助养老服务次数] 应为 3,400 次');
    expect(frame).toContain('来源:ganquan-2016.csv 第2行 社区互助养老服务次数');
    await ui.press('n');
    frame = await ui.until('问题 2/2');
    expect(frame).toContain('“4725人次” 不符 [元旦春节帮困救助人次] 应为 4,720 人次');
    await ui.press('n');
    await ui.until('问题 1/2');
    await ui.press('p');
    await ui.until('问题 2/2');
  });

  it('draws the current problem inverse and contradicted figures in red', async () => {
    ui = await openCheck(file);
    await ui.until('不符 2');
    await ui.press('n');
    await ui.until('问题 1/2');
    // Colour codes: red 31, inverse 7 — on the figure itself, wherever the line wraps.
    expect(ui.raw()).toMatch(/\u001B\[(?:\d+;)*7m(?:\u001B\[[\d;]*m)*3500余次/);
    expect(ui.raw()).toMatch(/\u001B\[31m(?:\u001B\[[\d;]*m)*(?:3500余次|4725人次)/);
  });

  it('checks against a ledger file instead of the stored ledger', async () => {
    const ledger = join(api.dataDir, 'ledger.csv');
    writeFileSync(ledger, '年度,指标名称,数值,计量单位,口径说明\n2016,社区互助养老服务次数,3500,次,\n');
    ui = renderApp(api.client, { name: 'check' });
    await ui.until('文稿路径');
    await ui.press(file, keys.tab);
    await ui.until((f) => f.includes('台账文件'));
    await ui.press(ledger, keys.enter);
    // The file's year (2016) replaces the stored 2016 rows: 3500余次 now holds, 4725人次 has no row.
    const frame = await ui.until(/不符 \d/);
    expect(frame).toContain('不符 0');
    await ui.press('n');
    expect(await ui.until('问题 1/')).toContain('“4725人次” 无法核对');
  });

  it('checks a saved draft as its text reads, against the ledger', async () => {
    await createDraft(api.client);
    ui = renderApp(api.client, { name: 'check' });
    await ui.until('或核查已保存的草稿');
    await ui.press(keys.tab, keys.tab);
    await ui.press(keys.enter);
    const frame = await ui.until('草稿 甘泉路街道2017年工作总结');
    expect(frame).toMatch(/年度 2017 · 台账 \d+ 条 · 相符 \d+ · 不符 0/);
    expect(frame).toContain('甘泉路街道2017年工作总结');
    await ui.press('n');
    await ui.until(/问题 1\/\d+/);
  });

  it('says what is wrong with a missing file and lets the writer retry', async () => {
    ui = await openCheck(join(api.dataDir, '没有这个文件.txt'));
    await ui.until('找不到文件');
    expect(ui.frame()).toContain('文稿路径');
  });

  it('o opens another file; q goes back home', async () => {
    ui = await openCheck(file);
    await ui.until('不符 2');
    await ui.press('o');
    await ui.until('打开要核查的文稿');
    await ui.press(keys.escape);
    await ui.until('核对文稿中的每一个数字');
  });
});
