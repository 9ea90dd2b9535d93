/**
 * The guarded-generation step against the scripted OpenAI-compatible server on 127.0.0.1: a model
 * that writes a wrong figure once then the right one, one that is always wrong, empty answers,
 * 429/500, timeouts, garbled and broken streams, and aborts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractClaims } from '../../server/figures/index.ts';
import { guardedGeneration } from '../../server/guarded/generate.ts';
import type { GuardedEvent, GuardedRequest, GuardedResult, Refusal } from '../../server/guarded/types.ts';
import { type ChatModel, openAIChatModel } from '../../server/models/index.ts';
import { type OpenAIServer, startOpenAIServer } from '../support/openai-server.ts';

/** The figures the answer must reproduce exactly. */
const given = ['4985人次', '139.76万元'];
const right = '全年帮困救助4985人次,发放救助金139.76万元。';
const wrong = '全年帮困救助5000人次,发放救助金139.76万元。';

const texts = (answer: string): string[] => extractClaims(answer).map((c) => c.text);

/** A guard over `given` for the step: each figure must be one of them, and all of them present. */
function request(overrides: Partial<GuardedRequest> = {}): GuardedRequest & { refusals: (Refusal | null)[] } {
  const refusals: (Refusal | null)[] = [];
  return {
    refusals,
    messages(refusal) {
      refusals.push(refusal);
      const note = refusal ? `\n上次的问题:${refusal.toModel}` : '';
      return [{ role: 'user', content: `请改写:${right}${note}` }];
    },
    judge: (text, figure) => (given.includes(text.slice(figure.start, figure.end)) ? 'show' : 'hide'),
    guard(answer) {
      const added = texts(answer).filter((t) => !given.includes(t));
      const missing = given.filter((t) => !texts(answer).includes(t));
      if (added.length + missing.length === 0) return null;
      return {
        toModel: `多出${added.join('、')},缺少${missing.join('、')}`,
        toPeople: `${added.length + missing.length}个数字不符`,
        toEngineer: `added ${added.join(',')}; missing ${missing.join(',')}`,
      };
    },
    fallback: '沿用上年的文本',
    ...overrides,
  };
}

async function run(
  model: ChatModel,
  req: GuardedRequest,
): Promise<{ events: GuardedEvent[]; result: GuardedResult; shown: string }> {
  const events: GuardedEvent[] = [];
  const stream = guardedGeneration(model, req);
  let step = await stream.next();
  for (; !step.done; step = await stream.next()) events.push(step.value);
  const shown = events.map((e) => (e.type === 'delta' ? e.text : '')).join('');
  return { events, result: step.value, shown };
}

let server: OpenAIServer;
const modelOf = (retries = 0, timeoutMs = 5000): ChatModel =>
  openAIChatModel({
    baseURL: server.baseURL,
    apiKey: 'test-key',
    chatModel: 'scripted-chat',
    embedModel: null,
    timeoutMs,
    maxRetries: retries,
  });

beforeAll(async () => {
  server = await startOpenAIServer({ reply: () => right, pieces: (c) => c.match(/.{1,4}/gsu) ?? [c] });
});
afterAll(() => server.close());

describe('guarded generation', () => {
  it('accepts an answer whose figures are the given ones, streamed as deltas', async () => {
    const { events, result } = await run(modelOf(), request());
    expect(result).toEqual({ ok: true, text: right });
    expect(events.every((e) => e.type === 'delta')).toBe(true);
    expect(events.map((e) => (e.type === 'delta' ? e.text : '')).join('')).toBe(right);
  });

  it('refuses a wrong figure once, tells the model why, and uses the right second answer', async () => {
    server.script('chat', { chat: wrong }, { chat: right });
    const req = request();
    const { events, result, shown } = await run(modelOf(), req);
    expect(result).toEqual({ ok: true, text: right });
    expect(shown).not.toContain('5000');
    expect(shown).toContain('【数字已删除】');
    const retries = events.filter((e) => e.type === 'retry');
    expect(retries).toEqual([
      expect.objectContaining({ type: 'retry', attempt: 1, reason: 'guard_refused' }),
    ]);
    expect(retries[0].type === 'retry' && retries[0].message_zh).toContain('2个数字不符');
    expect(retries[0].type === 'retry' && retries[0].message_zh).not.toContain('5000');
    expect(req.refusals).toHaveLength(2);
    expect(req.refusals[1]).toMatchObject({ answer: wrong, toModel: expect.stringContaining('5000人次') });
    expect(events.some((e) => e.type === 'fallback')).toBe(false);
  });

  it('falls back when the model is wrong twice: the wrong figure is never shown', async () => {
    server.script('chat', { chat: wrong }, { chat: wrong });
    const before = server.count('chat');
    const { events, result, shown } = await run(modelOf(), request());
    expect(server.count('chat') - before).toBe(2);
    expect(shown).not.toContain('5000');
    expect(result).toMatchObject({ ok: false, fallback: { reason: 'guard_refused' } });
    const fallback = events.at(-1);
    expect(fallback).toMatchObject({ type: 'fallback', reason: 'guard_refused' });
    expect(fallback?.type === 'fallback' && fallback.message_zh).toContain('已改用沿用上年的文本');
    expect(events.map((e) => e.type).filter((t) => t !== 'delta')).toEqual(['retry', 'fallback']);
  });

  it('refuses an empty answer like a wrong one', async () => {
    server.script('chat', { chat: '' }, { chat: '  ' });
    const { result } = await run(modelOf(), request());
    expect(result).toMatchObject({ ok: false, fallback: { reason: 'guard_refused' } });
    expect(result.ok === false && result.fallback.message_zh).toContain('输出为空');
  });

  it('cleans the raw text before judging it', async () => {
    server.script('chat', { chat: `润色后:${right}` });
    const clean = (raw: string) => raw.replace(/^润色后:/, '').trim();
    const { result } = await run(modelOf(), request({ clean }));
    expect(result).toEqual({ ok: true, text: right });
  });

  it.each([
    ['a 429', { status: 429 }, '限流(429)'],
    ['a 500', { status: 500 }, '内部错误(500)'],
  ])('retries after %s (the models layer), then accepts the answer', async (_name, reply, zh) => {
    server.script('chat', reply);
    const { events, result } = await run(modelOf(1), request());
    expect(result).toEqual({ ok: true, text: right });
    const retry = events.find((e) => e.type === 'retry');
    expect(retry).toMatchObject({ attempt: 1, reason: 'model_failed' });
    expect(retry?.type === 'retry' && retry.message_zh).toContain(zh);
  });

  it('discards the text of a stream that breaks halfway and uses the retried one', async () => {
    server.script('chat', { chat: wrong, breakAfter: 2 });
    const { events, result } = await run(modelOf(1), request());
    expect(result).toEqual({ ok: true, text: right });
    expect(events.map((e) => e.type).filter((t) => t !== 'delta')).toEqual(['retry']);
  });

  it.each([
    ['a 500', { status: 500 }, '内部错误(500)'],
    ['a timeout', { hang: true }, '超时'],
    ['a garbled stream', { garbage: 'data: {not json\n\n' }, '无法解析'],
  ])('falls back on %s when the models layer gives up, saying why', async (_name, reply, zh) => {
    server.script('chat', reply);
    const { events, result } = await run(modelOf(0, 400), request());
    expect(result).toMatchObject({ ok: false, fallback: { reason: 'model_failed' } });
    const fallback = events.at(-1);
    expect(fallback).toMatchObject({ type: 'fallback', reason: 'model_failed' });
    expect(fallback?.type === 'fallback' && fallback.message_zh).toContain(zh);
    expect(fallback?.type === 'fallback' && fallback.message_zh).toContain('已改用沿用上年的文本');
  });

  it('ends with the abort error when its signal is aborted', async () => {
    server.script('chat', { hang: true });
    const before = server.count('chat');
    const abort = new AbortController();
    const pending = run(modelOf(0, 30_000), request({ signal: abort.signal }));
    // Aborted once the request hangs on the server: the state waited on, not the clock.
    while (server.count('chat') === before) await new Promise((resolve) => setTimeout(resolve, 5));
    abort.abort();
    await expect(pending).rejects.toThrow();
  });
});
