import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrap } from '../../../cli/client.ts';
import type { Draft } from '../../../server/draft/index.ts';
import { docxParts } from '../../support/docx-review.ts';
import { startOpenAIServer } from '../../support/openai-server.ts';
import {
  keys,
  loadBundled,
  openApi,
  openWorkspaceUi,
  renderApp,
  savedDraft,
  type TestApi,
  type Ui,
} from './support.tsx';

let api: TestApi | undefined;
let ui: Ui | undefined;
let closeServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  // The saves the last keys started land before the data dir goes.
  await ui?.close();
  api?.close();
  await closeServer?.();
  closeServer = undefined;
});

/** The bundled corpus, a saved 2017 draft, and the workspace open on it. */
async function openWorkspace(env: NodeJS.ProcessEnv = {}): Promise<{ draft: Draft; ui: Ui }> {
  const opened = await openWorkspaceUi(env);
  api = opened.api;
  ui = opened.ui;
  return opened;
}

/** The outline row of part n (1-based): title row, 开头, then the parts. */
const partRow = (n: number) => Array(n + 1).fill(keys.down) as string[];

describe('draft workspace', () => {
  it('starts from home: 起草, the year, last year’s report and the ledger, then the outline', async () => {
    api = await openApi();
    await loadBundled(api.client);
    ui = renderApp(api.client);
    await ui.until('核对文稿');
    await ui.press('1');
    let frame = await ui.until('开始起草');
    expect(frame).toContain('起草年度 ‹ 2017年 ›');
    expect(frame).toContain('上年报告 ‹ 甘泉路街道2016年工作总结(2016年)›');
    expect(frame).toMatch(/台账 台账库\(2017年 \d+ 项\)/);
    expect(frame).toContain('今年材料 用2017年材料 9 份(m 不用)');
    await ui.press(keys.down, keys.down, keys.down, keys.enter);
    frame = await ui.until('相符');
    expect(frame).toContain('起草 · 甘泉路街道2017年工作总结');
    for (const marker of ['(一)', '(二)', '(三)', '(四)', '(五)', '(六)']) expect(frame).toContain(marker);
    for (const row of ['标题 甘泉路街道2017年工作', '开头(', '存在问题(', '注释(2 条)'])
      expect(frame).toContain(row);
    expect(frame).toMatch(/相符 \d+ · 不符 0 · 无法核对 \d+\(含【待核实】\d+\)/);
    expect(frame).toContain('g 生成');
    expect(frame).toContain('J/K 下移/上移');
  }, 90_000);

  it('Enter opens a part; the right pane shows the selected paragraph with its origin', async () => {
    const { ui } = await openWorkspace();
    await ui.press(...partRow(2), keys.enter);
    await ui.until('1 社区人居环境得以改善。');
    await ui.press(keys.down);
    const frame = await ui.until('(二)第1段 · 沿用上年');
    expect(frame).toContain('社区人居环境得以改善。完成子长小区');
    await ui.press(keys.left);
    await ui.until((f) => !f.includes('1 社区人居环境得以改善。'));
  });

  it('g regenerates part (二) paragraph by paragraph and says which path was used', async () => {
    const { draft, ui } = await openWorkspace();
    await ui.press(...partRow(2), 'g');
    const frame = await ui.until('已生成 · 沿用上年');
    expect(frame).toContain('g 生成');
    const saved = await savedDraft(api!.client, draft.id);
    expect(saved.parts[1].paragraphs.map((p) => p.text)).toEqual(
      draft.parts[1].paragraphs.map((p) => p.text),
    );
  });

  it('e edits a part title in place (Chinese input) and the change is saved at once', async () => {
    const { draft, ui } = await openWorkspace();
    await ui.press(...partRow(2), 'e');
    await ui.until('Enter 保存');
    await ui.press('\u0015', '补齐短板,精细管理', keys.enter);
    await ui.until('(二)补齐短板,精细管理');
    await expect
      .poll(async () => (await savedDraft(api!.client, draft.id)).parts[1].title)
      .toBe('补齐短板,精细管理');
    expect((await savedDraft(api!.client, draft.id)).parts[1].marker).toBe('(二)');
  });

  it('J and K move a part; (一)…(六) follow the new order', async () => {
    const { draft, ui } = await openWorkspace();
    await ui.press(...partRow(2), 'J');
    let frame = await ui.until('(三)补齐发展短板');
    expect(frame).toContain('(二)建设平安甘泉');
    await expect
      .poll(async () => (await savedDraft(api!.client, draft.id)).parts[1].id)
      .toBe(draft.parts[2].id);
    const moved = await savedDraft(api!.client, draft.id);
    expect(moved.parts.map((p) => p.id)).toEqual([
      draft.parts[0].id,
      draft.parts[2].id,
      draft.parts[1].id,
      ...draft.parts.slice(3).map((p) => p.id),
    ]);
    expect(moved.parts.map((p) => p.marker)).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)', '(六)']);
    await ui.press('K', 'K');
    frame = await ui.until('(一)补齐发展短板');
    expect(frame).toContain('(二)注重保障民生');
  });

  it('J moves a paragraph within its part', async () => {
    const { draft, ui } = await openWorkspace();
    await ui.press(...partRow(1), keys.enter, keys.down, 'J');
    await ui.until((f) => /2 丰富为老服务内涵/.test(f));
    await expect
      .poll(async () =>
        (await savedDraft(api!.client, draft.id)).parts[0].paragraphs.slice(0, 2).map((p) => p.id),
      )
      .toEqual([draft.parts[0].paragraphs[1].id, draft.parts[0].paragraphs[0].id]);
  });

  it('d deletes a part after y, and the rest renumber; another key cancels', async () => {
    const { draft, ui } = await openWorkspace();
    await ui.press(...partRow(3), 'd');
    await ui.until('按 y 确认');
    await ui.press('n');
    await ui.until((f) => !f.includes('按 y 确认'));
    expect((await savedDraft(api!.client, draft.id)).parts.length).toBe(6);
    await ui.press('d');
    await ui.until('按 y 确认');
    await ui.press('y');
    await ui.until('已删除');
    // The saved draft comes back renumbered: the UI shows the server's markers.
    const frame = await ui.until('(三)聚焦“同心家园”');
    expect(frame).not.toContain('(六)');
    await expect
      .poll(async () => (await savedDraft(api!.client, draft.id)).parts.map((p) => p.marker))
      .toEqual(['(一)', '(二)', '(三)', '(四)', '(五)']);
  });

  it('a adds a paragraph from notes after the selected one', async () => {
    const { draft, ui } = await openWorkspace();
    await ui.press(...partRow(2), keys.enter, keys.down, 'a');
    await ui.until('要点');
    await ui.press('新建社区食堂,方便老人就餐', keys.enter);
    await ui.until('已生成 · 要点拼接');
    const saved = await savedDraft(api!.client, draft.id);
    const added = saved.parts[1].paragraphs[1];
    expect(added.text).toBe('新建社区食堂,方便老人就餐。');
    expect(added.origin).toBe('writer');
    expect(saved.parts[1].paragraphs.length).toBe(draft.parts[1].paragraphs.length + 1);
  });

  it('s shows last year’s paragraph and the audit of its figures: old → new, ledger rows, match words', async () => {
    const { ui } = await openWorkspace();
    await ui.press(...partRow(2), keys.enter, keys.down, keys.down, 's');
    const frame = await ui.until('数字变更与台账出处');
    expect(frame).toContain('上年原文');
    expect(frame).toContain('“154处” → 127处 更新');
    expect(frame).toMatch(/2017年 拆除违法建筑处数 127 处\n.*ganquan-2017-sample\.csv 第\d+行/);
    expect(frame).toMatch(/2016年 拆除违法建筑处数 154 处\n.*ganquan-2016\.csv 第\d+行/);
    expect(frame).toContain('主语\uFF1A拆除违法建筑');
    expect(frame).toContain('匹配词\uFF1A拆除、违法、建筑');
    await ui.press(keys.pageDown);
    await ui.until('今年台账中没有“库内销项任务量”的数值');
    await ui.press(keys.pageDown);
    await ui.until('往年同类段落');
  });

  it('s on a paragraph built from this year’s materials shows where each sentence came from', async () => {
    api = await openApi();
    await loadBundled(api.client);
    const { draft } = await unwrap(
      await api.client.api.draft.outline.$post({ json: { year: 2017, materials: {} } }),
    );
    ui = renderApp(api.client, { name: 'workspace', draftId: draft.id });
    await ui.until('相符');
    await ui.press(...partRow(1), keys.enter, keys.down, 's');
    const frame = await ui.until('逐句来源');
    expect(frame).toContain('1. 丰富为老服务内涵。');
    expect(frame).toMatch(/上年报告第\d+段/);
    await ui.press(keys.pageDown);
    await ui.until('今年材料 · 社区服务办公室');
  }, 60_000);

  it('c checks the draft; n walks the problems, Enter goes to the paragraph', async () => {
    const { ui } = await openWorkspace();
    await ui.press('c');
    let frame = await ui.until(/问题 1\/\d+/);
    expect(frame).toContain('【待核实:上年为');
    expect(frame).toContain('今年台账中没有');
    await ui.press('n');
    frame = await ui.until(/问题 2\/\d+/);
    await ui.press(keys.enter);
    frame = await ui.until(/第\d+段 · /);
    expect(frame).toContain('g 生成');
  });

  it('x exports .md to the path the writer gives; the file holds the draft', async () => {
    const { ui } = await openWorkspace();
    const target = join(api!.dataDir, '导出.md');
    await ui.press('x');
    await ui.until('导出为');
    await ui.press('1');
    await ui.until('导出到');
    await ui.press('\u0015', target, keys.enter);
    await ui.until('已导出');
    const text = readFileSync(target, 'utf8');
    expect(text).toMatch(/^# 甘泉路街道2017年工作总结/);
    expect(text).toContain('## (二)补齐发展短板,公共管理走向精细');
    expect(text).toContain('全年共计拆除违法建筑127处');
    expect(text).not.toContain('154处');
  });

  it('x exports .docx', async () => {
    const { ui } = await openWorkspace();
    const target = join(api!.dataDir, '导出.docx');
    await ui.press('x', '2');
    await ui.until('导出到');
    await ui.press('\u0015', target, keys.enter);
    await ui.until('已导出');
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });

  it('x 4 exports the annotated .docx of the draft', async () => {
    const { ui } = await openWorkspace();
    await ui.press('x');
    await ui.until('4 批注版 .docx');
    await ui.press('4');
    const frame = await ui.until('导出到');
    expect(frame).toContain('.核查.docx');
    const target = join(api!.dataDir, '批注版.docx');
    await ui.press('\u0015', target, keys.enter);
    await ui.until('已导出');
    const parts = docxParts(new Uint8Array(readFileSync(target)));
    expect(parts['word/document.xml']).toContain('GovBody');
  });

  it('Ctrl-C while editing saves the edit before leaving', async () => {
    const { draft, ui } = await openWorkspace();
    await ui.press('e');
    await ui.until('Enter 保存');
    await ui.press('(征求意见稿)', keys.ctrlC);
    await expect
      .poll(async () => (await savedDraft(api!.client, draft.id)).title, { timeout: 10_000 })
      .toBe('甘泉路街道2017年工作总结(征求意见稿)');
  });

  it('reopens the last draft from home (继续上次的草稿) with every change kept', async () => {
    const { draft, ui: first } = await openWorkspace();
    await first.press(...partRow(2), 'e');
    await first.until('Enter 保存');
    await first.press('\u0015', '城市管理精细化', keys.enter);
    await first.until('(二)城市管理精细化');
    await first.press('q');
    await first.until('继续上次的草稿');
    first.unmount();
    ui = renderApp(api!.client);
    await ui.until(`继续上次的草稿 ${draft.title}`);
    await ui.press(keys.enter);
    await ui.until('(二)城市管理精细化');
  });

  it('? shows every key', async () => {
    const { ui } = await openWorkspace();
    await ui.press('?');
    const frame = await ui.until('起草工作区的按键');
    for (const k of ['g ', 'e ', 'J / K', 'a ', 'd ', 's ', 'c ', 'x ', 'q ', 'Ctrl-C'])
      expect(frame).toContain(k);
  });
});

describe('draft workspace with a model', () => {
  /**
   * A model that returns the paragraph it was given, restyled only by a lead-in phrase, streamed a
   * clause at a time (each piece is one frame of the UI).
   */
  async function modelEnv(reply: (paragraph: string) => string): Promise<NodeJS.ProcessEnv> {
    const server = await startOpenAIServer({
      reply: (messages) => {
        const user = String(messages[messages.length - 1]?.content ?? '');
        const m = /<资料 编号="(\w+)">\n([\s\S]*?)\n<\/资料 编号="\1">/.exec(user);
        return reply(m?.[2] ?? '');
      },
      pieces: (content) => content.split(/(?<=[,;。、\uFF0C\uFF1B])/),
    });
    closeServer = () => server.close();
    return {
      OPENAI_BASE_URL: server.baseURL,
      GOVDRAFT_CHAT_MODEL: 'test-model',
      GOVDRAFT_MODEL_RETRIES: '0',
    };
  }

  it('streams the restyled paragraph and labels it 模型润色', async () => {
    const env = await modelEnv((p) => `据统计,${p}`);
    const { draft, ui } = await openWorkspace(env);
    await ui.press(...partRow(2), keys.enter, keys.down, 'g');
    await ui.until('已生成 · 模型润色');
    expect(ui.history().some((f) => f.includes('正在生成'))).toBe(true);
    await ui.until('据统计,社区人居环境得以改善');
    const saved = await savedDraft(api!.client, draft.id);
    expect(saved.parts[1].paragraphs[0].text.startsWith('据统计,社区人居环境得以改善')).toBe(true);
    expect(saved.parts[1].paragraphs[0].origin).toBe('model');
  });

  it('shows the part’s paragraph streaming in while the part is drafted', async () => {
    const env = await modelEnv((p) => `据统计,${p}`);
    const { ui } = await openWorkspace(env);
    await ui.press(...partRow(2), 'g');
    await ui.until('已生成 · 模型润色');
    expect(ui.history().some((f) => /第1段 · .+\n/.test(f) && f.includes('正在生成'))).toBe(true);
    await ui.until('据统计,“五违四必”');
  });

  it('a model failure leaves the engine’s text and says so; the draft is unharmed', async () => {
    const server = await startOpenAIServer();
    server.script('chat', { status: 500 }, { status: 500 }, { status: 500 });
    closeServer = () => server.close();
    const env = {
      OPENAI_BASE_URL: server.baseURL,
      GOVDRAFT_CHAT_MODEL: 'failing',
      GOVDRAFT_MODEL_RETRIES: '0',
    };
    const { draft, ui } = await openWorkspace(env);
    await ui.press(...partRow(2), keys.enter, keys.down, 'g');
    const frame = await ui.until('已生成 · 沿用上年');
    expect(frame).toMatch(/已生成 · 沿用上年 · .+/);
    const saved = await savedDraft(api!.client, draft.id);
    expect(saved.parts[1].paragraphs[0].text).toBe(draft.parts[1].paragraphs[0].text);
  });

  it('keeps the engine’s text and says why when the model changes a figure', async () => {
    const env = await modelEnv((p) => p.replace('127处', '128处'));
    const { draft, ui } = await openWorkspace(env);
    await ui.press(...partRow(2), keys.enter, keys.down, keys.down, 'g');
    const frame = await ui.until('已生成 · 沿用上年');
    expect(frame).toMatch(/已生成 · 沿用上年 · .+/);
    const saved = await savedDraft(api!.client, draft.id);
    expect(saved.parts[1].paragraphs[1].text).toBe(draft.parts[1].paragraphs[1].text);
    expect(existsSync(join(api!.dataDir, 'drafts', `${draft.id}.json`))).toBe(true);
  });
});
