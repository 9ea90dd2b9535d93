import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenAIServer, startOpenAIServer } from './openai-server.ts';

let server: OpenAIServer;
let client: OpenAI;
beforeAll(async () => {
  server = await startOpenAIServer({
    reply: (messages) => `收到${messages.length}条消息。`,
    models: ['qwen', 'bge-m3'],
  });
  // The client's own timeout is only a last guard (a busy machine answers slowly, never wrongly).
  client = new OpenAI({ baseURL: server.baseURL, apiKey: 'k', maxRetries: 0, timeout: 60_000 });
});
afterAll(() => server.close());

describe('scripted OpenAI-compatible server', () => {
  it('answers chat completions, plain and streamed', async () => {
    const plain = await client.chat.completions.create({
      model: 'qwen',
      messages: [{ role: 'user', content: '你好' }],
    });
    expect(plain.choices[0].message.content).toBe('收到1条消息。');

    server.script('chat', { chat: '第一段第二段', chunks: ['第一段', '第二段'] });
    const stream = await client.chat.completions.create({
      model: 'qwen',
      messages: [{ role: 'user', content: '你好' }],
      stream: true,
    });
    const pieces: string[] = [];
    for await (const chunk of stream) pieces.push(chunk.choices[0]?.delta?.content ?? '');
    expect(pieces.filter(Boolean)).toEqual(['第一段', '第二段']);
  });

  it('breaks a stream halfway when told to', async () => {
    server.script('chat', { chat: '甲乙丙丁', breakAfter: 2 });
    const stream = await client.chat.completions.create({ model: 'qwen', messages: [], stream: true });
    const pieces: string[] = [];
    const error = await (async () => {
      for await (const chunk of stream) pieces.push(chunk.choices[0]?.delta?.content ?? '');
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(pieces.join('')).toBe('甲乙');
  });

  it('returns scripted status codes and garbage, then falls back to defaults', async () => {
    server.script('chat', { status: 429 }, { garbage: '{oops' });
    await expect(client.chat.completions.create({ model: 'qwen', messages: [] })).rejects.toMatchObject({
      status: 429,
    });
    await expect(client.chat.completions.create({ model: 'qwen', messages: [] })).rejects.toThrow();
    const ok = await client.chat.completions.create({ model: 'qwen', messages: [] });
    expect(ok.choices[0].message.content).toBe('收到0条消息。');
  });

  it('holds a reply past the client timeout', async () => {
    // A reply that never comes: the client's timeout fires whatever the machine's speed.
    server.script('chat', { hang: true });
    const impatient = new OpenAI({ baseURL: server.baseURL, apiKey: 'k', maxRetries: 0, timeout: 100 });
    await expect(impatient.chat.completions.create({ model: 'qwen', messages: [] })).rejects.toThrow(
      /timed out/i,
    );
  });

  it('serves embeddings as floats or base64 and lists models', async () => {
    const asFloats = await client.embeddings.create({
      model: 'bge-m3',
      input: ['一', '二'],
      encoding_format: 'float',
    });
    const asBase64 = await client.embeddings.create({ model: 'bge-m3', input: ['一', '二'] });
    expect(asFloats.data).toHaveLength(2);
    expect(asBase64.data[1].embedding).toHaveLength(64);
    expect(asBase64.data[1].embedding[0]).toBeCloseTo(asFloats.data[1].embedding[0], 6);
    const models = [];
    for await (const model of client.models.list()) models.push(model.id);
    expect(models).toEqual(['qwen', 'bge-m3']);
    expect(server.requests.at(-1)?.route).toBe('models');
  });
});
