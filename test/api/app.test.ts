import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descriptions } from '../../server/api/openapi.ts';
import { jsonOf, startTestServer, type TestServer } from '../support/api-server.ts';
import { type OpenAIServer, startOpenAIServer } from '../support/openai-server.ts';

/** The parts of the OpenAPI document the tests read. */
interface OpenApi {
  openapi: string;
  paths: Record<
    string,
    Record<string, { summary: string; requestBody?: unknown; parameters?: { name: string; in: string }[] }>
  >;
}

describe('API over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ GOVDRAFT_MAX_BODY_MB: '1' });
  });
  afterAll(() => server.close());

  it('answers the health probe', async () => {
    const res = await server.api('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      model: null,
      load: { running: 0, waiting: 0, refused: 0 },
      // The event loop's delay over the last seconds: a server watches it from its start.
      eventLoop: { p50Ms: expect.any(Number), p99Ms: expect.any(Number), windowS: 5 },
    });
  });

  it('answers an unknown route with a JSON problem in Chinese and English', async () => {
    const res = await server.api('/api/nope');
    expect(res.status).toBe(404);
    const body = await jsonOf(res);
    expect(body.error.code).toBe('not_found');
    expect(body.error.message_zh).toContain('没有这个接口');
    expect(body.error.message_en).toContain('/api/nope');
  });

  it('answers an unknown path under a resource (its routes load on first use) with the same problem', async () => {
    for (const path of ['/api/check/nope', '/api/drafts/a/b/c']) {
      const res = await server.api(path);
      expect(res.status).toBe(404);
      const body = await jsonOf(res);
      expect(body.error.code).toBe('not_found');
      expect(body.error.message_en).toContain(path);
    }
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await server.api('/api/health', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect((await jsonOf(res)).error).toMatchObject({ code: 'payload_too_large' });
  });
});

describe('validation messages over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('names the expected type and what was sent, with Chinese punctuation', async () => {
    const res = await server.api('/api/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '拆除违法建筑154处。', year: 1.5 }),
    });
    expect(res.status).toBe(400);
    const { error } = await jsonOf(res);
    expect(error.message_zh).toBe('请求参数无效：字段 year：期望整数，实际为 1.5');
    expect(error.message_en).toBe('Invalid request: year: Invalid input: expected int, received number');
  });
});

describe('bearer token', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ GOVDRAFT_TOKEN: 's3cret' });
  });
  afterAll(() => server.close());

  it('keeps the health probe open', async () => {
    expect((await server.api('/api/health')).status).toBe(200);
  });

  it.each([
    ['no header', undefined],
    ['wrong token', 'Bearer nope'],
    ['wrong scheme', 'Basic s3cret'],
  ])('rejects %s with 401', async (_name, header) => {
    const res = await server.api('/api/anything', { headers: header ? { Authorization: header } : {} });
    expect(res.status).toBe(401);
    expect((await jsonOf(res)).error.code).toBe('unauthorized');
  });

  it('lets the right token through to routing', async () => {
    const res = await server.api('/api/anything', { headers: { Authorization: 'Bearer s3cret' } });
    expect(res.status).toBe(404);
  });
});

describe('/api/status with credentials in OPENAI_BASE_URL', () => {
  let server: TestServer;
  let model: OpenAIServer;
  beforeAll(async () => {
    model = await startOpenAIServer({ models: ['qwen'] });
    const withSecrets = `${model.baseURL.replace('http://', 'http://team:pa55w0rd@')}?api_key=k3y-s3cret`;
    server = await startTestServer({
      OPENAI_BASE_URL: withSecrets,
      GOVDRAFT_CHAT_MODEL: 'qwen',
      GOVDRAFT_EMBED_MODEL: 'bge',
    });
  });
  afterAll(async () => {
    await server.close();
    await model.close();
  });

  it('never echoes them: not in the address, the embedder id or the probe\u2019s message', async () => {
    const res = await server.api('/api/status?probe=1');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('pa55w0rd');
    expect(text).not.toContain('k3y-s3cret');
    const body = JSON.parse(text) as { model: { baseURL: string; probe: { message_en: string } } };
    expect(body.model.baseURL).toBe(`${model.baseURL.replace('http://', 'http://***@')}?api_key=***`);
    expect(body.model.probe.message_en).toBeTruthy();
  });
});

describe('OpenAPI document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('describes every route with its request schema', async () => {
    const res = await server.api('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await jsonOf<OpenApi>(res);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/search', '/api/check', '/api/reports/{id}']),
    );
    expect(JSON.stringify(doc.paths['/api/search'].post.requestBody)).toContain('"query"');
    expect(doc.paths['/api/reports/{id}'].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true })]),
    );
  });

  it('lists exactly the routes that exist: each described, each answering over HTTP', async () => {
    const doc = await jsonOf<OpenApi>(await server.api('/api/openapi.json'));
    const operations = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({ method, path, op })),
    );
    expect(operations.length).toBeGreaterThan(25);
    // Nothing undocumented, and no description of a route that is gone.
    for (const { method, path, op } of operations) expect(op.summary, `${method} ${path}`).not.toBe('');
    const listed = new Set(operations.map(({ method, path }) => `${method} ${path}`));
    expect(Object.keys(descriptions).filter((key) => !listed.has(key))).toEqual([]);
    // Every listed operation is a route the server has: it answers, never with "no such route".
    for (const { method, path } of operations) {
      const url = path.replace(/\{[^}]+\}/g, 'probe');
      const body = method === 'get' ? undefined : '[]';
      const res = await server.api(url, {
        method: method.toUpperCase(),
        headers: body ? { 'content-type': 'application/json' } : {},
        body,
      });
      const text = await res.text();
      expect(text, `${method} ${path}`).not.toContain('No route');
    }
  });
});
