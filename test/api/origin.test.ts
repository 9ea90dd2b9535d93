import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../server/paths.ts';
import { jsonOf, startTestServer, type TestServer } from '../support/api-server.ts';

const ledgerCsv = readFileSync(join(corpusDir, 'ledgers', 'ganquan-2016.csv'));

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with headers fetch will not let us set (Host), over plain node:http. */
function raw(
  url: string,
  path: string,
  method: string,
  headers: Record<string, string>,
  body: string | Buffer = '',
): Promise<Raw> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A multipart body with one file, as a browser form would send it. */
function multipart(fileName: string, bytes: Buffer): { type: string; body: Buffer } {
  const boundary = '----govdraft-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

describe('loopback mode refuses what a foreign web page could send (real HTTP)', () => {
  let server: TestServer;
  let host: string;
  const ledgerRows = async (): Promise<unknown[]> =>
    (await jsonOf<{ records: unknown[] }>(await server.api('/api/ledger'))).records;

  beforeAll(async () => {
    server = await startTestServer();
    host = new URL(server.url).host;
    const seeded = await server.api('/api/ledger', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: 'ganquan-2016.csv', contentBase64: ledgerCsv.toString('base64') }),
    });
    expect(seeded.status).toBe(201);
  });
  afterAll(() => server.close());

  it('refuses a DNS-rebinding request (a foreign Host) before reading anything', async () => {
    for (const foreign of [
      'attacker.example:80',
      `attacker.example:${new URL(server.url).port}`,
      '127.0.0.1.nip.io',
    ]) {
      const res = await raw(server.url, '/api/ledger', 'GET', { Host: foreign });
      expect(res.status, foreign).toBe(403);
      const body = JSON.parse(res.body) as { error: { code: string; message_zh: string } };
      expect(body.error.code).toBe('forbidden');
      expect(body.error.message_zh).toMatch(
        /^拒绝访问：请求的主机名“.+”不是本机地址（可能是 DNS 重绑定攻击）/,
      );
      expect(res.body).not.toContain('拆除违法建筑');
    }
  });

  it('refuses a cross-origin multipart POST to /api/ledger and leaves the ledger as it was', async () => {
    const before = await ledgerRows();
    const forged = multipart(
      'forged.csv',
      Buffer.from('年度,指标名称,数值,计量单位\n2016,拆除违法建筑处数,1,处\n'),
    );
    const res = await raw(
      server.url,
      '/api/ledger',
      'POST',
      { Host: host, Origin: 'https://attacker.example', 'Content-Type': forged.type },
      forged.body,
    );
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.message_zh).toBe(
      '拒绝访问：不接受来自其他网站（https://attacker.example）的请求',
    );
    expect(await ledgerRows()).toEqual(before);
  });

  it.each([
    ['a text/plain POST with no Origin (an old browser form)', { 'Content-Type': 'text/plain' }],
    ['a body-less POST', {}],
    ['a POST from a sandboxed page (Origin: null)', { Origin: 'null', 'Content-Type': 'application/json' }],
    [
      'a same-site page on another port',
      { 'Sec-Fetch-Site': 'same-site', 'Content-Type': 'application/json' },
    ],
  ])('refuses %s to /api/corpus/reindex', async (_name, headers: Record<string, string>) => {
    const res = await raw(server.url, '/api/corpus/reindex', 'POST', { Host: host, ...headers });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('forbidden');
  });

  it('refuses a cross-origin GET and a foreign preflight', async () => {
    const get = await raw(server.url, '/api/reports', 'GET', { Host: host, Origin: 'http://localhost:3000' });
    expect(get.status).toBe(403);
    const preflight = await raw(server.url, '/api/ledger', 'OPTIONS', {
      Host: host,
      Origin: 'https://attacker.example',
      'Access-Control-Request-Method': 'POST',
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets the server\u2019s own page upload (same Origin, or Sec-Fetch-Site: same-origin)', async () => {
    const form = multipart('ganquan-2016.csv', ledgerCsv);
    const signals: Record<string, string>[] = [{ Origin: server.url }, { 'Sec-Fetch-Site': 'same-origin' }];
    for (const signal of signals) {
      const res = await raw(
        server.url,
        '/api/ledger',
        'POST',
        { Host: host, 'Content-Type': form.type, ...signal },
        form.body,
      );
      expect(res.status, JSON.stringify(signal)).toBe(201);
    }
  });

  it('lets non-browser clients send JSON, and answers localhost and [::1]-style hosts', async () => {
    const res = await server.api('/api/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '违法建筑' }),
    });
    expect(res.status).toBe(200);
    const local = await raw(server.url, '/api/health', 'GET', {
      Host: `localhost:${new URL(server.url).port}`,
    });
    expect(local.status).toBe(200);
  });
});

describe('token mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ GOVDRAFT_TOKEN: 'sekret-token' });
  });
  afterAll(() => server.close());

  it('answers 401 with WWW-Authenticate: Bearer, and lets the token through', async () => {
    const missing = await server.api('/api/reports');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="govdraft"');
    const wrong = await server.api('/api/reports', { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="govdraft"');
    const right = await server.api('/api/reports', { headers: { Authorization: 'Bearer sekret-token' } });
    expect(right.status).toBe(200);
  });
});
