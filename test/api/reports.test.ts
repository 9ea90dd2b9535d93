import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir, packageRoot } from '../../server/paths.ts';
import { jsonOf, startTestServer, type TestServer } from '../support/api-server.ts';

const seedPath = join(corpusDir, 'reports', '甘泉路街道2016年工作总结.txt');
const fixture = (name: string): Buffer => readFileSync(join(packageRoot, 'test/fixtures/report', name));

interface IngestBody {
  status: string;
  reportId: string;
  chunks: number;
  report: { title: string; org: string; year: number; parts: number; paragraphs: number; encoding: string };
}
interface ListBody {
  reports: { id: string; title: string }[];
}

describe('/api/reports over HTTP', () => {
  let server: TestServer;
  const postJson = (body: unknown) =>
    server.api('/api/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const count = async () => (await jsonOf<ListBody>(await server.api('/api/reports'))).reports.length;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('ingests a report once, idempotently by content', async () => {
    const text = readFileSync(seedPath, 'utf8');
    const first = await postJson({ fileName: 'seed.txt', text });
    expect(first.status).toBe(201);
    const body = await jsonOf<IngestBody>(first);
    expect(body.status).toBe('added');
    expect(body.report).toMatchObject({
      title: '甘泉路街道2016年工作总结',
      org: '甘泉路街道',
      year: 2016,
      parts: 6,
    });
    const again = await postJson({ fileName: 'seed.txt', text });
    expect(again.status).toBe(200);
    expect((await jsonOf<IngestBody>(again)).status).toBe('unchanged');
    expect(await count()).toBe(1);
  });

  it('accepts a multipart upload of a GBK file and detects the encoding', async () => {
    const form = new FormData();
    form.append('file', new File([fixture('seed-gbk.txt')], 'seed-gbk.txt'));
    const res = await server.api('/api/reports', { method: 'POST', body: form });
    const body = await jsonOf<IngestBody>(res);
    expect(body.report.encoding).toBe('gb18030');
    expect(body.report.title).toBe('甘泉路街道2016年工作总结');
  });

  it('shows a report whole, as structure and as text', async () => {
    const { reports } = await jsonOf<ListBody>(await server.api('/api/reports'));
    const id = reports[0].id;
    const whole = await jsonOf<{ report: { parts: { title: string }[]; footnotes: unknown[] } }>(
      await server.api(`/api/reports/${id}`),
    );
    expect(whole.report.parts.map((p) => p.title)[1]).toBe('补齐发展短板,公共管理走向精细');
    expect(whole.report.footnotes).toHaveLength(2);
    const text = await jsonOf<{ content: string }>(await server.api(`/api/reports/${id}?format=text`));
    expect(text.content).toContain('(三)建设平安甘泉,公共安全可控有序');
  });

  it.each([
    ['malformed JSON', '{"text": ', 400, 'invalid_json'],
    ['no content', {}, 400, 'validation_failed'],
    ['both text and base64', { text: 'a', contentBase64: 'YQ==' }, 400, 'validation_failed'],
    ['an empty text', { fileName: 'a.txt', text: '   \n ' }, 400, 'empty_input'],
    [
      'a zip of junk named .docx',
      { fileName: 'x.docx', contentBase64: fixture('junk.docx').toString('base64') },
      422,
      'corrupt_file',
    ],
    [
      'a binary file',
      { fileName: 'x.txt', contentBase64: fixture('binary.bin').toString('base64') },
      415,
      'binary_input',
    ],
  ])('refuses %s with a clear problem and leaves the store as it was', async (_name, body, status, code) => {
    const before = await count();
    const res = await postJson(body);
    expect(res.status).toBe(status);
    const problem = await jsonOf(res);
    expect(problem.error.code).toBe(code);
    expect(problem.error.message_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(problem.error.message_en).toMatch(/[a-z]/i);
    expect(await count()).toBe(before);
  });

  it('refuses an unsupported content type with 415', async () => {
    const res = await server.api('/api/reports', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(res.status).toBe(415);
  });

  it('answers unknown and malformed ids with 404 and 400', async () => {
    expect((await server.api(`/api/reports/${'ab'.repeat(32)}`)).status).toBe(404);
    expect((await server.api(`/api/reports/${'ab'.repeat(32)}`, { method: 'DELETE' })).status).toBe(404);
    expect((await server.api('/api/reports/not-an-id')).status).toBe(400);
  });

  it('deletes a report', async () => {
    const { reports } = await jsonOf<ListBody>(await server.api('/api/reports'));
    const res = await server.api(`/api/reports/${reports[0].id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await count()).toBe(reports.length - 1);
  });
});
