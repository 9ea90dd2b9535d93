import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, startTestServer, type TestServer } from '../support/api-server.ts';

describe('API over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ GOVDRAFT_MAX_BODY_MB: '1' });
  });
  afterAll(() => server.close());

  it('answers the health probe', async () => {
    const res = await server.api('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', model: null });
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

describe('OpenAPI document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('describes every route with its request schema', async () => {
    const res = await server.api('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await jsonOf<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    }>(res);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/search', '/api/check', '/api/reports/{id}']),
    );
    expect(JSON.stringify(doc.paths['/api/search'].post.requestBody)).toContain('"query"');
  });
});
