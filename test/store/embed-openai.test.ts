import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { GovdraftError } from '../../server/errors.ts';
import { createOpenAIEmbedder } from '../../server/store/embed-openai.ts';
import { createEmbedder } from '../../server/store/embedder.ts';
import { type OpenAIServer, startOpenAIServer } from '../support/openai-server.ts';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ embed: (text) => [text.length, 1, 0.5] });
});
afterAll(() => server.close());

const endpoint = () => ({
  baseURL: server.baseURL,
  apiKey: 'test-key',
  chatModel: null,
  embedModel: 'bge-m3',
  timeoutMs: 2000,
  maxRetries: 1,
});

describe('OpenAI-compatible embeddings', () => {
  it('decodes the base64 vectors the SDK asks for and learns the dimension', async () => {
    const embedder = createOpenAIEmbedder(endpoint());
    expect(embedder.id).toBe(`openai:bge-m3@${server.baseURL}`);
    expect(embedder.dimensions).toBe(0);
    const before = server.requests.length;
    const vectors = await embedder.embed(['违法建筑', '帮困救助总金额']);
    expect(vectors).toEqual([
      [4, 1, 0.5],
      [7, 1, 0.5],
    ]);
    expect(embedder.dimensions).toBe(3);
    const request = server.requests.slice(before).find((r) => r.route === 'embeddings');
    expect(request?.body).toMatchObject({
      model: 'bge-m3',
      input: ['违法建筑', '帮困救助总金额'],
      encoding_format: 'base64',
    });
    expect(request?.headers.authorization).toBe('Bearer test-key');
  });

  it('retries a server error and then succeeds', async () => {
    const before = server.count('embeddings');
    server.script('embeddings', { status: 503 });
    const vectors = await createOpenAIEmbedder(endpoint()).embed(['一']);
    expect(vectors).toEqual([[1, 1, 0.5]]);
    expect(server.count('embeddings') - before).toBe(2);
  });

  it.each([
    {
      name: 'a persistent server error',
      replies: [{ status: 500 }, { status: 500 }],
      zh: /模型服务内部错误/,
    },
    { name: 'an unknown model', replies: [{ status: 404 }], zh: /GOVDRAFT_EMBED_MODEL/ },
    {
      name: 'garbage instead of JSON',
      replies: [{ garbage: 'not json at all' }, { garbage: '{"data": 1}' }],
      zh: /./,
    },
  ])('turns $name into a model_failed GovdraftError', async ({ replies, zh }) => {
    server.script('embeddings', ...replies);
    const error = await createOpenAIEmbedder(endpoint())
      .embed(['一'])
      .catch((e: unknown) => e);
    expect(GovdraftError.isInstance(error)).toBe(true);
    expect((error as GovdraftError).code).toBe('model_failed');
    expect((error as GovdraftError).messageZh).toMatch(zh);
  });

  it('times out a request that never answers', async () => {
    server.script('embeddings', { hang: true }, { hang: true });
    const error = await createOpenAIEmbedder({ ...endpoint(), timeoutMs: 200 })
      .embed(['一'])
      .catch((e: unknown) => e);
    expect((error as GovdraftError).code).toBe('model_failed');
  });
});

describe('createEmbedder', () => {
  it('picks the endpoint model when GOVDRAFT_EMBED_MODEL is set, else the lexical embedding', () => {
    const offline = loadConfig({}, {});
    expect(createEmbedder(offline).id).toBe('lexical-v1:1024');
    const chatOnly = loadConfig({}, { OPENAI_BASE_URL: server.baseURL, GOVDRAFT_CHAT_MODEL: 'qwen' });
    expect(createEmbedder(chatOnly).id).toBe('lexical-v1:1024');
    const online = loadConfig({}, { OPENAI_BASE_URL: server.baseURL, GOVDRAFT_EMBED_MODEL: 'bge-m3' });
    expect(createEmbedder(online).id).toBe(`openai:bge-m3@${server.baseURL}`);
  });
});
