/**
 * The workspace on drafts with marks for the writer: a draft written with no ledger for its year,
 * sentences bound to last year (〖上年表述…〗) and last year's sentences no material backs
 * (〖沿用上年·待更新…〗) — in the status line, coloured, as problems, and kept through g.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unwrap } from '../../../cli/client.ts';
import type { Draft } from '../../../server/draft/index.ts';
import { countCarriedOver } from '../../../server/marks/index.ts';
import { type OpenAIServer, scriptedChatEnv, startOpenAIServer } from '../../support/openai-server.ts';
import { keys, loadBundled, openApi, renderApp, savedDraft, type TestApi, type Ui } from './support.tsx';

// Colour on, as in a terminal: chalk reads FORCE_COLOR when Ink loads it, so before the imports.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

let api: TestApi | undefined;
let ui: Ui | undefined;
let server: OpenAIServer | undefined;
afterEach(async () => {
  ui?.unmount();
  await new Promise((r) => setTimeout(r, 300));
  api?.close();
  await server?.close();
  server = undefined;
});

/** A saved 2018 draft from the 2016 report: the store has no 2018 ledger. */
async function openNoLedgerDraft(): Promise<Ui> {
  api = await openApi();
  await loadBundled(api.client);
  const { draft } = await unwrap(
    await api.client.api.draft.outline.$post({ json: { year: 2018, fromYear: 2016 } }),
  );
  ui = renderApp(api.client, { name: 'workspace', draftId: (draft as Draft).id }, { columns: 120, rows: 30 });
  await ui.until('相符');
  return ui;
}

describe('workspace marks', () => {
  it('says in the status line that the year has no ledger and how many sentences are last year’s', async () => {
    const ui = await openNoLedgerDraft();
    const frame = await ui.until('无2018年台账');
    expect(frame).toContain('起草 · 甘泉路街道2018年工作总结');
    expect(frame).toMatch(/相符 0 · 不符 0 · 无法核对 \d+\(含【待核实】50\) · 无2018年台账 · 上年表述 8/);
  });

  it('colours a 〖上年表述〗 sentence and lists it among the problems with what to do', async () => {
    const ui = await openNoLedgerDraft();
    // (三) 第1段 holds 甘泉路司法所被司法部授予…称号: open the part and select that paragraph.
    await ui.press(keys.down, keys.down, keys.down, keys.down, keys.enter, keys.down);
    const frame = await ui.until('(三)第1段');
    expect(frame).toContain('上年表述 1');
    // blueBright (94) around the marked sentence, magenta markers elsewhere.
    expect(ui.raw()).toMatch(/\u001B\[94m(?:\u001B\[[\d;]*m)*〖上年表述：甘泉路司法所/);
    await ui.press('c');
    await ui.until(/问题 1\/\d+/);
    let seen = '';
    for (let i = 0; i < 80 && !seen.includes('这句沿用了上年的表述'); i++) {
      await ui.press('n');
      seen = await ui.until(new RegExp(`问题 ${i + 2}/\\d+`));
    }
    expect(seen).toContain('〖上年表述：');
    expect(seen).toContain('今年不一定成立');
  });
});

/** A saved 2017 draft built from the bundled 2017 materials, and the workspace open on it. */
async function openMaterialsDraft(env: NodeJS.ProcessEnv = {}): Promise<{ ui: Ui; draft: Draft }> {
  api = await openApi(env);
  await loadBundled(api.client);
  const { draft } = await unwrap(
    await api.client.api.draft.$post({
      json: { year: 2017, fromYear: 2016, materials: {}, mode: 'carry-forward' },
    }),
  );
  ui = renderApp(api.client, { name: 'workspace', draftId: (draft as Draft).id }, { columns: 120, rows: 30 });
  await ui.until('相符');
  return { ui, draft: draft as Draft };
}

describe('workspace marks on a draft from materials', () => {
  it('g on a paragraph with 〖沿用上年·待更新〗 marks keeps them: on screen, coloured, and saved', async () => {
    const { ui, draft } = await openMaterialsDraft();
    const target = draft.parts[1].paragraphs[0];
    const marks = countCarriedOver(target.text);
    expect(marks).toBeGreaterThan(0);
    await ui.until(/沿用上年 \d+/);
    // (二) 第1段: open the part, select its first paragraph, regenerate it.
    await ui.press(keys.down, keys.down, keys.down, keys.enter, keys.down);
    await ui.until(`(二)第1段`);
    await ui.press('g');
    const frame = await ui.until('已生成');
    expect(frame).toContain(`沿用上年 ${marks}`);
    expect(ui.raw()).toMatch(/\u001B\[94m(?:\u001B\[[\d;]*m)*〖沿用上年·待更新：/);
    const saved = (await savedDraft(api!.client, draft.id)).parts[1].paragraphs[0];
    expect(countCarriedOver(saved.text)).toBe(marks);
    expect(saved.text).toBe(target.text);
  }, 120_000);

  it('g with a model that smooths the marks away: the guard refuses it, the marked paragraph stands', async () => {
    server = await startOpenAIServer({
      reply: (messages) => {
        const user = String(messages.at(-1)?.content ?? '');
        const given = /<资料 编号="(\w+)">\n([\s\S]*?)\n<\/资料 编号="\1">/.exec(user)?.[2] ?? '';
        return given.replace(/\u3016沿用上年·待更新\uFF1A([^\u3017]*)\u3017/g, '$1');
      },
    });
    const { ui, draft } = await openMaterialsDraft(scriptedChatEnv(server));
    const target = draft.parts[1].paragraphs[0];
    await ui.press(keys.down, keys.down, keys.down, keys.enter, keys.down);
    await ui.until('(二)第1段');
    await ui.press('g');
    await ui.until('已生成');
    expect(server.requests.some((r) => r.route === 'chat')).toBe(true);
    const saved = (await savedDraft(api!.client, draft.id)).parts[1].paragraphs[0];
    expect(saved.text).toBe(target.text);
    expect(countCarriedOver(saved.text)).toBeGreaterThan(0);
  }, 120_000);
});
