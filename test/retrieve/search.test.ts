import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GovdraftError } from '../../server/errors.ts';
import { search } from '../../server/retrieve/search.ts';
import type { Store } from '../../server/store/index.ts';
import { createLexicalEmbedder, createOpenAIEmbedder, openStore } from '../../server/store/index.ts';
import { type OpenAIServer, startOpenAIServer } from '../support/openai-server.ts';
import { buildReport } from '../support/report-builder.ts';

const ganquan = buildReport({
  title: '甘泉路街道2016年工作总结',
  org: '甘泉路街道',
  year: 2016,
  preamble: ['过去的一年,街道以“补齐城市管理短板,提升公共服务水平”为工作主线。'],
  parts: [
    {
      title: '注重保障民生,公共服务能级提升',
      paragraphs: ['丰富为老服务内涵。建立甘泉社区独居老人动态数据库,组建“独居老人结对关爱联盟”。'],
    },
    {
      title: '补齐发展短板,公共管理走向精细',
      paragraphs: ['“五违四必”[1]整治圆满完成。全年共计拆除违法建筑154处,9058平方米。'],
    },
  ],
  closing: ['一是机构运行提能增效需要进一步加强。'],
  footnotes: ['“五违”指违法用地、违法建筑、违法经营、违法排污、违法居住。'],
});
const yichuan = buildReport({
  title: '宜川路街道2017年工作总结',
  org: '宜川路街道',
  year: 2017,
  parts: [
    { title: '民生保障', paragraphs: ['关爱独居老人。为独居老人安装烟感报警器300个。'] },
    { title: '城市管理', paragraphs: ['拆除违法建筑。全年拆除违法建筑88处,2100平方米。'] },
  ],
});

const yinhang = buildReport({
  title: '上海市杨浦区人民政府殷行街道办事处2016年工作总结',
  org: '上海市杨浦区人民政府殷行街道办事处',
  year: 2016,
  parts: [{ title: '城市管理', paragraphs: ['整治违法建筑。全年拆除违法建筑61处。'] }],
});
const yinhangShort = buildReport({
  title: '殷行街道2017年工作总结',
  org: '殷行街道',
  year: 2017,
  parts: [{ title: '城市管理', paragraphs: ['整治违法建筑。全年拆除违法建筑47处。'] }],
});

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'govdraft-search-'));
  dirs.push(dir);
  return dir;
};
let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: tempDir(), embedder: createLexicalEmbedder() });
  await store.ingestReport(ganquan);
  await store.ingestReport(yichuan);
  await store.ingestReport(yinhang);
  await store.ingestReport(yinhangShort);
});
afterAll(async () => {
  await store.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('search', () => {
  it('finds the paragraph that answers a question and cites it', async () => {
    const [hit] = await search(store, '哪一年拆除违法建筑154处?', { k: 3 });
    expect(hit.text).toContain('拆除违法建筑154处');
    expect(hit.text).toBe(hit.chunk.text);
    expect(hit.citation).toEqual({
      reportId: ganquan.id,
      reportTitle: '甘泉路街道2016年工作总结',
      year: 2016,
      part: 2,
      partTitle: '补齐发展短板,公共管理走向精细',
      paragraph: ganquan.parts[1].paragraphs[0].index,
      section: 'part',
    });
  });

  it('returns at most k hits, best first', async () => {
    const hits = await search(store, '独居老人', { k: 2 });
    expect(hits).toHaveLength(2);
    expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
    expect(hits.every((h) => h.text.includes('独居老人'))).toBe(true);
  });

  it.each([
    { filter: { year: 2017 }, check: (h: { chunk: { year: number } }) => h.chunk.year === 2017 },
    { filter: { org: '甘泉路街道' }, check: (h: { chunk: { org: string } }) => h.chunk.org === '甘泉路街道' },
    { filter: { part: 2 }, check: (h: { chunk: { part: number } }) => h.chunk.part === 2 },
    {
      filter: { section: 'footnote' as const },
      check: (h: { chunk: { section: string } }) => h.chunk.section === 'footnote',
    },
  ])('applies the filter $filter', async ({ filter, check }) => {
    const hits = await search(store, '违法建筑', { k: 10, ...filter });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every(check)).toBe(true);
  });

  it('combines filters and returns nothing when none match', async () => {
    const hits = await search(store, '违法建筑', { k: 10, year: 2017, org: '宜川路街道', part: 2 });
    expect(hits.map((h) => h.text)).toEqual(['拆除违法建筑。全年拆除违法建筑88处,2100平方米。']);
    expect(await search(store, '违法建筑', { year: 2030 })).toEqual([]);
  });

  it.each(['殷行街道', '上海市杨浦区人民政府殷行街道办事处', '杨浦区殷行街道办事处'])(
    'filters by one office under any of its names: %s',
    async (org) => {
      const hits = await search(store, '违法建筑', { k: 10, org });
      expect([...new Set(hits.map((h) => h.chunk.org))].sort()).toEqual([
        '上海市杨浦区人民政府殷行街道办事处',
        '殷行街道',
      ]);
    },
  );

  it.each([
    ['an empty query', '', {}],
    ['a blank query', ' \n\t ', {}],
    ['k = 0', '违法建筑', { k: 0 }],
    ['a fractional k', '违法建筑', { k: 2.5 }],
  ])('rejects %s with bad_request', async (_name, query, options) => {
    const error = await search(store, query, options).catch((e: unknown) => e);
    expect(GovdraftError.isInstance(error)).toBe(true);
    expect((error as GovdraftError).code).toBe('bad_request');
  });

  it('is an empty list on an empty store', async () => {
    const empty = await openStore({ dataDir: tempDir(), embedder: createLexicalEmbedder() });
    expect(await search(empty, '违法建筑')).toEqual([]);
    await empty.close();
  });
});

describe('search with OpenAI-compatible embeddings', () => {
  let server: OpenAIServer;
  beforeAll(async () => {
    server = await startOpenAIServer();
  });
  afterAll(() => server.close());

  it('ingests and retrieves through the scripted endpoint, and names reindex when the model changes', async () => {
    const dataDir = tempDir();
    const endpoint = {
      baseURL: server.baseURL,
      apiKey: 'k',
      chatModel: null,
      embedModel: 'bge-m3',
      timeoutMs: 5000,
      maxRetries: 0,
    };
    const online = await openStore({ dataDir, embedder: createOpenAIEmbedder(endpoint) });
    expect((await online.ingestReport(ganquan)).status).toBe('added');
    expect(server.count('embeddings')).toBeGreaterThan(0);
    const [hit] = await search(online, '独居老人结对关爱', { k: 1 });
    expect(hit.citation.part).toBe(1);
    expect(online.info().storedEmbedderId).toBe(`openai:bge-m3@${server.baseURL}`);
    await online.close();

    const other = await openStore({
      dataDir,
      embedder: createOpenAIEmbedder({ ...endpoint, embedModel: 'm3e' }),
    });
    const error = await search(other, '独居老人').catch((e: unknown) => e);
    expect((error as GovdraftError).code).toBe('embedding_mismatch');
    expect((error as GovdraftError).messageZh).toContain('govdraft reindex');
    await other.close();
  });
});
