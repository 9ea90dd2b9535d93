import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddedMaterial, MaterialSummary } from '../../server/materials/index.ts';
import { corpusDir } from '../../server/paths.ts';
import { jsonOf, startTestServer, type TestServer } from '../support/api-server.ts';

const demo = (name: string) => readFileSync(join(corpusDir, 'materials', '2017', name));
const post = (server: TestServer, body: unknown) =>
  server.api('/api/materials', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('/api/materials over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    const ledger = readFileSync(join(corpusDir, 'ledgers', 'ganquan-2017-sample.csv')).toString('base64');
    const res = await server.api('/api/ledger', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: 'ganquan-2017-sample.csv', contentBase64: ledger }),
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => server.close());

  it('adds a .docx as the year’s material of its department, checked against the ledger, once', async () => {
    const file = {
      fileName: '社区服务办公室2017年工作总结.docx',
      contentBase64: demo('社区服务办公室2017年工作总结.docx').toString('base64'),
    };
    const res = await post(server, { ...file, year: 2017 });
    expect(res.status).toBe(201);
    const body = await jsonOf<AddedMaterial>(res);
    expect(body).toMatchObject({
      status: 'added',
      material: { department: '社区服务办公室', year: 2017, flagged: false, content: 11 },
      notices: [],
    });
    expect(body.material.figures).toEqual({ supported: 11, contradicted: 0, unverified: 2 });
    const again = await post(server, { ...file, year: 2017 });
    expect(again.status).toBe(200);
    expect((await jsonOf<AddedMaterial>(again)).status).toBe('unchanged');
  });

  it('takes a multipart upload with the year and the department as fields', async () => {
    const form = new FormData();
    form.set('file', new Blob([demo('社区管理办公室-2017年工作小结.txt')]), '管理办小结.txt');
    form.set('year', '2017');
    form.set('from', '社区管理科');
    const res = await server.api('/api/materials', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const body = await jsonOf<AddedMaterial>(res);
    expect(body.material).toMatchObject({ department: '社区管理科', encoding: 'gb18030', flagged: false });
  });

  it('flags a material whose figure contradicts the ledger, and lists it so', async () => {
    const text =
      '平安办2017年工作总结\n\n一、安全\n\n与26家责任部门、1500家社区单位签订安全责任书。安装地下车库简易水喷淋7处。';
    const res = await post(server, { fileName: '平安办.txt', text, year: 2017 });
    const body = await jsonOf<AddedMaterial>(res);
    expect(body.material.flagged).toBe(true);
    expect(body.material.conflicts).toEqual([
      expect.objectContaining({
        figure: '1500家',
        ledger: '1412家',
        source: expect.stringContaining('ganquan-2017-sample.csv'),
      }),
    ]);
    expect(body.notices).toEqual(['材料中有 1 个数字与2017年台账不符,起草时以台账为准']);
    const { materials } = await jsonOf<{ materials: MaterialSummary[] }>(
      await server.api('/api/materials?year=2017'),
    );
    expect(materials.map((m) => [m.department, m.flagged])).toEqual([
      ['社区服务办公室', false],
      ['社区管理科', false],
      ['平安办', true],
    ]);
    expect(
      (await jsonOf<{ materials: unknown[] }>(await server.api('/api/materials?year=2016'))).materials,
    ).toEqual([]);
  });

  it('notes a material whose title names another year', async () => {
    const res = await post(server, {
      fileName: 'a.txt',
      text: '自治办2016年工作总结\n\n一、自治\n\n培育新成立社会组织5家。',
      year: 2017,
    });
    expect((await jsonOf<AddedMaterial>(res)).notices).toEqual(['材料标题写的是2016年,已按2017年的材料导入']);
  });

  it('removes a material; an unknown one is 404', async () => {
    const { materials } = await jsonOf<{ materials: MaterialSummary[] }>(await server.api('/api/materials'));
    const id = materials[0].id;
    expect((await server.api(`/api/materials/${id}`, { method: 'DELETE' })).status).toBe(200);
    const res = await server.api(`/api/materials/${id}`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect((await jsonOf(res)).error.message_zh).toContain('没有找到材料');
  });

  it('refuses a material without a year, and a binary file, in Chinese with the cause in English', async () => {
    const missing = await post(server, { fileName: 'a.txt', text: '正文。' });
    expect(missing.status).toBe(400);
    const binary = await post(server, {
      fileName: 'a.txt',
      contentBase64: Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1]).toString('base64'),
      year: 2017,
    });
    expect(binary.status).toBe(415);
    const problem = await jsonOf(binary);
    expect(problem.error.message_zh).toContain('不是文本');
    expect(problem.error.message_en).toMatch(/binary/);
  });
});
