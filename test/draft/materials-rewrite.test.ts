import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allParagraphs } from '../../server/draft/document/walk.ts';
import type { Draft, DraftParagraph } from '../../server/draft/types.ts';
import { draftWhole } from '../../server/draft/whole.ts';
import type { LedgerRecord } from '../../server/figures/index.ts';
import { checkText } from '../../server/figures/index.ts';
import type { ChatModel } from '../../server/models/index.ts';
import { openAIChatModel } from '../../server/models/index.ts';
import { type OpenAIServer, startOpenAIServer } from '../support/openai-server.ts';
import { ledgers, report2016 } from './corpus.ts';
import { draftFromMaterials, materialsOf } from './materials-corpus.ts';

let server: OpenAIServer;
let built: Draft;
let ledger: LedgerRecord[];
/** What the scripted model does to a paragraph it is shown. */
let rewrite: (text: string) => string = (t) => t;

/** The scripted model: finds the paragraph it was given in the prompt and rewrites it. */
const reply = (messages: { role: string; content: unknown }[]): string => {
  const prompt = messages.map((m) => String(m.content)).join('\n');
  const shown = allParagraphs(built).find((p) => p.text.length > 20 && prompt.includes(p.text));
  return shown ? rewrite(shown.text) : '好的。';
};

const chatModel = (): ChatModel =>
  openAIChatModel({
    baseURL: server.baseURL,
    apiKey: 'test-key',
    chatModel: 'scripted-chat',
    embedModel: null,
    timeoutMs: 5000,
    maxRetries: 0,
  });

async function whole(): Promise<Awaited<ReturnType<typeof draftWhole>>> {
  return draftWhole(
    {
      year: 2017,
      report: await report2016(),
      stored: true,
      ledger,
      ledgerSource: 'ganquan-2017-sample.csv',
      materials: { year: 2017, chunks: await materialsOf(), retrieved: new Map() },
    },
    { mode: 'auto', model: chatModel(), exemplars: async () => [], save: async (d) => d },
  );
}

const materialParagraphs = (d: Draft): DraftParagraph[] =>
  d.parts.flatMap((p) => p.paragraphs).filter((p) => p.sourceParagraph !== null && p.trace?.length);

beforeAll(async () => {
  server = await startOpenAIServer({ reply });
  ledger = (await ledgers()).both;
  built = draftFromMaterials(await report2016(), ledger, await materialsOf());
});
afterAll(() => server.close());

describe('a model rewriting paragraphs built from materials', () => {
  it('keeps a rewrite with the same figures and marks, traced to the model and the paragraph’s sources', async () => {
    rewrite = (t) => t.replace('帮困救助惠及', '帮困救助共惠及');
    const { draft } = await whole();
    const rewritten = allParagraphs(draft).find((p) => p.text.includes('帮困救助共惠及4985人次'));
    expect(rewritten?.origin).toBe('model');
    const sources = rewritten?.trace?.flatMap((t) => t.sources) ?? [];
    expect(sources).toContainEqual({ kind: 'model', model: 'scripted-chat' });
    expect(sources.some((s) => s.kind === 'material' && s.department === '社区服务办公室')).toBe(true);
    expect(checkText(rewritten?.text ?? '', ledger, { year: 2017 }).summary.contradicted).toBe(0);
  });

  it('refuses a rewrite that drops a 沿用上年·待更新 mark (the one guard keeps every mark): the engine’s text stands, with a warning', async () => {
    rewrite = (t) => t.replace(/\u3016沿用上年·待更新\uFF1A([^\u3017]*)\u3017/g, '$1');
    const { draft, warnings } = await whole();
    expect(warnings.some((w) => w.code === 'numeric_guard')).toBe(true);
    const before = materialParagraphs(built).filter((p) => p.origin === 'materials');
    for (const p of before) {
      const after = allParagraphs(draft).find((q) => q.id === p.id);
      if (p.text.includes('\u3016')) expect(after?.text).toBe(p.text);
    }
  });

  it('refuses a rewrite that changes a figure (the numeric guard): the material’s figure stands', async () => {
    rewrite = (t) => t.replace('4985人次', '5000人次');
    const { draft } = await whole();
    const text = allParagraphs(draft)
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('4985人次');
    expect(text).not.toContain('5000人次');
  });
});
