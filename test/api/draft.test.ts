import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, DraftSummary } from '../../server/draft/index.ts';
import type { CheckResult } from '../../server/figures/index.ts';
import { unzipText } from '../draft/zip.ts';
import { jsonOf, type TestServer } from '../support/api-server.ts';
import { ledgerFile, post, sseEvents, startWithCorpus, type WholeBody } from '../support/draft-api.ts';
import { type OpenAIServer, startOpenAIServer } from '../support/openai-server.ts';
import { convertToPdf, sofficePath } from '../support/soffice.ts';

describe('/api/draft and /api/drafts offline', () => {
  let server: TestServer;
  let draft: Draft;

  beforeAll(async () => {
    server = await startWithCorpus();
  });
  afterAll(() => server.close());

  it('builds the outline of 2017 from the stored 2016 report and saves it', async () => {
    const res = await post(server, '/api/draft/outline', { year: 2017 });
    expect(res.status).toBe(201);
    draft = (await jsonOf<{ draft: Draft }>(res)).draft;
    expect(draft.title).toBe('甘泉路街道2017年工作总结');
    expect(draft.parts.map((p) => p.marker)).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)', '(六)']);
    expect(draft.ledgerSource).toBe('台账库');
    expect(draft.newMetrics).toHaveLength(4);
    const saved = await jsonOf<{ draft: Draft }>(await server.api(`/api/drafts/${draft.id}`));
    expect(saved.draft).toEqual(draft);
  });

  it('drafts the whole report with an uploaded ledger: zero contradictions, pending and new metrics counted', async () => {
    const res = await post(server, '/api/draft', { year: 2017, fromYear: 2016, ledger: ledgerFile() });
    expect(res.status).toBe(201);
    const body = await jsonOf<WholeBody>(res);
    expect(body.draft.ledgerSource).toBe('ganquan-2017-sample.csv');
    expect(body.stats).toMatchObject({
      paragraphs: 24,
      pending: 7,
      newMetrics: 4,
      figures: { updated: 41, recomputed: 2, pending: 7, new: 4 },
      origins: { 'carry-forward': 21, model: 0, writer: 0, 'new-metrics': 3 },
      check: { contradicted: 0, unverified: 7 },
    });
    expect(body.warnings).toEqual([]);
    const list = await jsonOf<{ drafts: DraftSummary[] }>(await server.api('/api/drafts'));
    expect(list.drafts[0].id).toBe(body.draft.id);
    expect(list.drafts.map((d) => d.id)).toContain(draft.id);
  });

  it('streams a section as Server-Sent Events and saves the paragraph into the stored draft', async () => {
    const res = await post(server, '/api/draft/section', { draftId: draft.id, paragraphId: 'p15' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = sseEvents(await res.text());
    expect(events.map((e) => e.event)).toEqual(['progress', 'delta', 'progress', 'final']);
    const final = events[3].data as {
      paragraph: { id: string; text: string };
      check: CheckResult;
      path: string;
    };
    expect(final.path).toBe('carry-forward');
    expect(final.paragraph.text).toContain('约9.6万人次');
    expect(final.check.summary.contradicted).toBe(0);
    const saved = await jsonOf<{ draft: Draft }>(await server.api(`/api/drafts/${draft.id}`));
    expect(saved.draft.updatedAt > draft.updatedAt).toBe(true);
  });

  it('answers bad section requests with JSON problems before any stream starts', async () => {
    const unknownParagraph = await post(server, '/api/draft/section', {
      draftId: draft.id,
      paragraphId: 'p999',
    });
    expect(unknownParagraph.status).toBe(404);
    expect((await jsonOf(unknownParagraph)).error.message_zh).toContain('没有段落 p999');
    const unknownDraft = await post(server, '/api/draft/section', {
      draftId: 'd2017-none',
      paragraphId: 'p3',
    });
    expect(unknownDraft.status).toBe(404);
    const both = await post(server, '/api/draft/section', { draftId: draft.id, draft, paragraphId: 'p3' });
    expect(both.status).toBe(400);
    expect((await jsonOf(both)).error.code).toBe('validation_failed');
  });

  it('refuses conflicting sources and a year without a report with clear messages', async () => {
    const conflicting = await post(server, '/api/draft/outline', {
      year: 2017,
      fromYear: 2016,
      fromReportId: 'abcdef12',
    });
    expect(conflicting.status).toBe(400);
    const noReport = await post(server, '/api/draft/outline', { year: 2031 });
    expect(noReport.status).toBe(404);
    expect((await jsonOf(noReport)).error.message_zh).toContain('库中没有2030年的报告');
    expect((await post(server, '/api/draft/outline', { fromYear: 2016 })).status).toBe(400);
  });

  it('drafts from a report sent as a file, with ledger records in the request', async () => {
    const res = await post(server, '/api/draft/outline', {
      year: 2017,
      save: false,
      from: {
        fileName: 'r.txt',
        text: '某街道2016年工作总结\n\n  全年共计拆除违法建筑154处,元旦春节帮困救助总金额139.76万元。\n',
      },
      ledger: [
        { year: 2017, metric: '拆除违法建筑处数', value: 127, unit: '处' },
        { year: 2017, metric: '元旦春节帮困救助总金额', value: 1523400, unit: '元' },
      ],
    });
    expect(res.status).toBe(201);
    const { draft: fromFile } = await jsonOf<{ draft: Draft }>(res);
    expect(fromFile.fromReportId).toBeNull();
    // The request's 2017 rows are 2017's whole ledger: the stored sample rows of 2017 are not mixed in.
    expect(fromFile.ledger.filter((r) => r.year === 2017)).toHaveLength(2);
    // The stored rows belong to 甘泉路街道, the only office of the store: not to 某街道, whose report this is.
    expect(fromFile.ledger.filter((r) => r.year === 2016)).toEqual([]);
    expect(fromFile.newMetrics).toEqual([]);
    expect(fromFile.title).toBe('某街道2017年工作总结');
    expect(fromFile.parts).toHaveLength(1);
    expect(fromFile.parts[0].marker).toBe('');
    expect(fromFile.parts[0].paragraphs[0].text).toBe(
      '全年共计拆除违法建筑127处,元旦春节帮困救助总金额152.34万元。',
    );
    expect((await server.api(`/api/drafts/${fromFile.id}`)).status).toBe(404);
  });

  it('saves a reordered draft with renumbered markers; refuses an id mismatch', async () => {
    const reordered = { ...draft, parts: [draft.parts[5], ...draft.parts.slice(0, 5)] };
    const res = await server.api(`/api/drafts/${draft.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(reordered),
    });
    expect(res.status).toBe(200);
    const { draft: saved } = await jsonOf<{ draft: Draft }>(res);
    expect(saved.parts.map((p) => `${p.marker}${p.id}`).slice(0, 2)).toEqual(['(一)part-6', '(二)part-1']);
    const mismatch = await server.api('/api/drafts/d2017-other', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(draft),
    });
    expect(mismatch.status).toBe(400);
    const renumbered = await jsonOf<{ draft: Draft }>(
      await post(server, '/api/draft/renumber', { draft: reordered }),
    );
    expect(renumbered.draft.parts[0].marker).toBe('(一)');
  });

  it('exports Markdown, text and Word', async () => {
    const md = await jsonOf<{ fileName: string; content: string; mediaType: string }>(
      await post(server, '/api/draft/export', { draftId: draft.id, format: 'md' }),
    );
    expect(md.fileName).toBe('甘泉路街道2017年工作总结.md');
    expect(md.content.startsWith('# 甘泉路街道2017年工作总结\n')).toBe(true);
    expect(md.content).toContain('## (一)转变政府职能,切实改进工作作风');
    const txt = await jsonOf<{ content: string }>(
      await post(server, '/api/draft/export', { draft, format: 'txt' }),
    );
    expect(txt.content).toContain('  (一)注重保障民生,公共服务能级提升');
    const docx = await jsonOf<{ contentBase64: string; mediaType: string }>(
      await post(server, '/api/draft/export', { draftId: draft.id, format: 'docx' }),
    );
    expect(docx.mediaType).toContain('wordprocessingml');
    expect(Buffer.from(docx.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('exports a draft holding U+FFFE and control characters as a .docx LibreOffice opens', async (ctx) => {
    const soffice = sofficePath();
    const dirty = {
      ...draft,
      title: '甘泉路街道2017年\uFFFE工作总结\u0001\u202E',
      preamble: draft.preamble.map((p, i) => (i === 0 ? { ...p, text: `${p.text}\uFFFF\u000B\u0007` } : p)),
    };
    const docx = await jsonOf<{ fileName: string; contentBase64: string }>(
      await post(server, '/api/draft/export', { draft: dirty, format: 'docx' }),
    );
    expect(docx.fileName).toBe('甘泉路街道2017年工作总结.docx');
    const bytes = Buffer.from(docx.contentBase64, 'base64');
    const xml = [...unzipText(bytes).values()].join('');
    expect(xml).toContain('甘泉路街道2017年工作总结');
    expect(xml).not.toMatch(/[\uFFFE\uFFFF\u0001\u0007\u000B]/);
    if (!soffice) ctx.skip('LibreOffice (soffice) is not installed: the .docx was not opened');
    const dir = mkdtempSync(join(tmpdir(), 'govdraft-export-'));
    try {
      writeFileSync(join(dir, docx.fileName), bytes);
      expect(await convertToPdf(soffice ?? '', join(dir, docx.fileName))).toBeGreaterThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('checks a draft paragraph by paragraph, and keeps last year’s titles without a model', async () => {
    const check = await jsonOf<{ summary: CheckResult['summary']; paragraphs: { paragraphId: string }[] }>(
      await post(server, '/api/draft/check', { draftId: draft.id }),
    );
    expect(check.summary.contradicted).toBe(0);
    expect(check.paragraphs.map((p) => p.paragraphId)).toContain('p3');
    const titles = await jsonOf<{ path: string; pathLabel: string; titles: { title: string }[] }>(
      await post(server, '/api/draft/titles', { draftId: draft.id }),
    );
    expect(titles).toMatchObject({ path: 'carry-forward', pathLabel: '沿用上年' });
    expect(titles.titles).toHaveLength(6);
  });

  it('deletes a draft', async () => {
    expect((await server.api(`/api/drafts/${draft.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await server.api(`/api/drafts/${draft.id}`)).status).toBe(404);
    expect((await server.api('/api/drafts/..%2Fx')).status).toBe(400);
  });
});

describe('/api/draft with a model behind a scripted OpenAI-compatible server', () => {
  let model: OpenAIServer;
  let server: TestServer;

  /** A careful model: gives the fenced paragraph back unchanged; six titles when asked for titles. */
  const careful = (messages: { role: string; content: unknown }[]): string => {
    const user = String(messages.at(-1)?.content ?? '');
    if (String(messages[0]?.content).includes('小标题')) {
      return ['民生', '管理', '平安', '自治', '品牌', '作风']
        .map((w) => `聚焦${w}工作,成效持续显现`)
        .join('\n');
    }
    return /<资料 编号="[0-9a-f]+">\n([\s\S]*?)\n<\/资料 编号=/.exec(user)?.[1] ?? '好的。';
  };

  beforeAll(async () => {
    model = await startOpenAIServer({ reply: careful });
    server = await startWithCorpus({
      OPENAI_BASE_URL: model.baseURL,
      OPENAI_API_KEY: 'test-key',
      GOVDRAFT_CHAT_MODEL: 'scripted-chat',
      GOVDRAFT_MODEL_RETRIES: '1',
    });
  });
  afterAll(async () => {
    await server.close();
    await model.close();
  });

  it('streams retry then the model’s paragraph when the model answers 500 first', async () => {
    const outline = await jsonOf<{ draft: Draft }>(await post(server, '/api/draft/outline', { year: 2017 }));
    model.script('chat', { status: 500 });
    const res = await post(server, '/api/draft/section', { draftId: outline.draft.id, paragraphId: 'p3' });
    const events = sseEvents(await res.text());
    const names = events.map((e) => e.event);
    expect(names).toContain('retry');
    expect(names.filter((n) => n === 'delta').length).toBeGreaterThan(1);
    expect(names.at(-1)).toBe('final');
    expect(events.find((e) => e.event === 'retry')?.data).toMatchObject({ reason: 'model_failed' });
    expect(events.at(-1)?.data).toMatchObject({ path: 'model', pathLabel: '模型润色' });
  });

  it('holds a figure back in the section stream until the guard accepts it: a rejected one is never sent', async () => {
    const outline = await jsonOf<{ draft: Draft }>(await post(server, '/api/draft/outline', { year: 2017 }));
    const p6 = outline.draft.parts.flatMap((p) => p.paragraphs).find((p) => p.id === 'p6');
    const wrong = (p6?.text ?? '').replace('127处', '169处');
    const cut = wrong.indexOf('169处') + 1;
    // 拆除违法建筑1 | 69处… — the figure split across two chunks of the model's stream.
    model.script('chat', { chunks: [wrong.slice(0, cut), wrong.slice(cut)] });
    const res = await post(server, '/api/draft/section', { draftId: outline.draft.id, paragraphId: 'p6' });
    const events = sseEvents(await res.text());
    const deltas = events.filter((e) => e.event === 'delta').map((e) => String(e.data.text));
    expect(deltas.join('')).toContain('拆除违法建筑【数字已删除】');
    expect(deltas.join('')).not.toMatch(/169|69处/);
    expect(deltas.join('')).toContain('拆除违法建筑127处');
    const retry = events.find((e) => e.event === 'retry')?.data;
    expect(retry).toMatchObject({ reason: 'guard_refused' });
    expect(String(retry?.message_zh)).not.toContain('169');
    expect(events.at(-1)?.data).toMatchObject({ path: 'model' });
    expect(JSON.stringify(events.at(-1)?.data)).not.toContain('169');
  });

  it('drafts the whole report through the model and proposes part titles', async () => {
    const body = await jsonOf<WholeBody>(
      await post(server, '/api/draft', { year: 2017, ledger: ledgerFile() }),
    );
    expect(body.stats.origins.model).toBe(18);
    expect(body.stats.check.contradicted).toBe(0);
    expect(body.draft.parts[0].title).toBe('聚焦民生工作,成效持续显现');
    expect(body.warnings).toEqual([]);
  });

  it('keeps the engine’s whole draft with mode carry-forward', async () => {
    const before = model.count('chat');
    const body = await jsonOf<WholeBody>(
      await post(server, '/api/draft', { year: 2017, ledger: ledgerFile(), mode: 'carry-forward' }),
    );
    expect(model.count('chat')).toBe(before);
    expect(body.stats.origins.model).toBe(0);
  });
});
