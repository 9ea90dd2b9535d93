import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareChat } from '../../server/chat/answer.ts';
import { answerChat, streamChat } from '../../server/chat/stream-chat.ts';
import type { ChatEvent, ChatTurn } from '../../server/chat/types.ts';
import { ingestBundledCorpus } from '../../server/corpus.ts';
import type { Store } from '../../server/store/index.ts';
import { createLexicalEmbedder, openStore } from '../../server/store/index.ts';

const user = (content: string): ChatTurn => ({ role: 'user', content });
const ask = (store: Store, question: string, filters?: { year?: number; org?: string; part?: number }) =>
  answerChat(store, null, { messages: [user(question)], filters });

describe('chat over the bundled corpus (offline)', () => {
  let dataDir: string;
  let store: Store;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'govdraft-chat-'));
    store = await openStore({ dataDir, embedder: createLexicalEmbedder() });
    await ingestBundledCorpus(store);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a figure from the ledger, with the report paragraph that states it', async () => {
    const a = await ask(store, '2016年拆除了多少违法建筑?');
    expect(a.mode).toBe('ledger');
    expect(a.answer).toContain('拆除违法建筑处数为154处[1],拆除违法建筑面积为9058平方米[1]');
    expect(a.citations).toEqual([
      expect.objectContaining({
        n: 1,
        report: '甘泉路街道2016年工作总结',
        year: 2016,
        part: 2,
        paragraph: 2,
      }),
    ]);
    expect(a.citations[0].text).toContain('全年共计拆除违法建筑154处');
    expect(a.figures.map((f) => f.source)).toEqual([
      'ganquan-2016.csv 第14行 拆除违法建筑处数',
      'ganquan-2016.csv 第15行 拆除违法建筑面积',
    ]);
    expect(a.model).toBeNull();
  });

  it('answers a description from passages, each sentence cited', async () => {
    const a = await ask(store, '独居老人有哪些关爱措施?');
    expect(a.mode).toBe('passages');
    expect(a.answer).toContain('组建“独居老人结对关爱联盟”');
    expect(a.answer).toMatch(/\[1\]。$/);
    expect(a.citations[0]).toMatchObject({ n: 1, part: 1, paragraph: 1, section: 'part' });
  });

  it('follows a conversation: 那2015年呢? and 那2017年呢?', async () => {
    const messages: ChatTurn[] = [user('2016年拆除了多少违法建筑?')];
    messages.push({ role: 'assistant', content: (await answerChat(store, null, { messages })).answer });
    messages.push(user('那2015年呢?'));
    const none = await answerChat(store, null, { messages });
    expect(none.mode).toBe('not_found');
    expect(none.answer).toMatch(/^语料中没有找到2015年“拆除违法建筑”的数据。/);
    expect(none.understanding).toMatchObject({ followUp: true, years: [2015], topic: '拆除违法建筑' });
    messages.push({ role: 'assistant', content: none.answer }, user('那2017年呢?'));
    const next = await answerChat(store, null, { messages });
    expect(next.answer).toContain('拆除违法建筑处数为127处(示例数据)');
  });

  it('says honestly when the corpus does not answer, with the closest passages', async () => {
    const a = await ask(store, '街道的河长制工作是如何开展的?');
    expect(a.mode).toBe('not_found');
    expect(a.answer).toMatch(/^语料中没有找到能回答“街道的河长制工作是如何开展的”的内容。\n最接近的段落/);
    expect(a.citations.length).toBeGreaterThan(0);
  });

  it('does not answer for an office the corpus does not cover', async () => {
    const a = await ask(store, '长征镇2016年拆除了多少违法建筑?');
    expect(a.mode).toBe('not_found');
    expect(a.answer).toContain('语料中没有找到长征镇的报告或台账(现有语料来自:甘泉路街道)');
    // The closest passages are shown, labelled as not answering and as another office's report.
    expect(a.answer.split('\n')[0]).not.toContain('154处');
    expect(a.answer.split('\n')[1]).toBe('最接近的段落(仅供参考,并不回答这个问题):');
    expect(a.figures).toEqual([]);
  });

  it('uses the filters as defaults', async () => {
    expect((await ask(store, '拆除违法建筑多少处?', { year: 2017 })).answer).toContain('127处');
    expect((await ask(store, '2016年拆除违法建筑多少处?', { year: 2017 })).answer).toContain('154处');
    expect((await ask(store, '独居老人有哪些关爱措施?', { part: 3 })).mode).toBe('not_found');
  });

  it('streams meta, deltas that add up to the answer, then the final event', async () => {
    const prepared = await prepareChat(store, { messages: [user('去年帮困救助总金额是多少?')] });
    const events: ChatEvent[] = [];
    for await (const event of streamChat(prepared, null)) events.push(event);
    expect(events[0]).toMatchObject({ type: 'meta', mode: 'ledger', model: null });
    const final = events.at(-1);
    if (final?.type !== 'final') throw new Error('no final event');
    const text = events.map((e) => (e.type === 'delta' ? e.text : '')).join('');
    expect(text).toBe(final.answer.answer);
    expect(events.filter((e) => e.type === 'delta').length).toBeGreaterThan(1);
    expect(final.answer.answer).toContain('139.76万元');
  });
});

describe('chat over an empty corpus', () => {
  it('tells the user to import reports and a ledger first', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-chat-empty-'));
    const store = await openStore({ dataDir, embedder: createLexicalEmbedder() });
    try {
      const a = await ask(store, '2016年拆除了多少违法建筑?');
      expect(a.mode).toBe('not_found');
      expect(a.answer).toContain('govdraft ingest');
      expect(a.notices.map((n) => n.code)).toEqual(['empty_corpus']);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
