import { Hono } from 'hono';
import { z } from 'zod';
import { chatSchema } from './chat.ts';
import { checkSchema } from './check.ts';
import { exportSchema, outlineSchema, sectionSchema, wholeSchema } from './draft.ts';
import { searchSchema } from './search.ts';
import { fileInputSchema } from './upload.ts';

interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  body?: z.ZodType;
  /** Path and query parameters: name → description. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** The response is a Server-Sent Events stream. */
  sse?: boolean;
}

/** Every route of the API; request bodies come from the same zod schemas the routes validate with. */
const operations: Operation[] = [
  { method: 'get', path: '/api/health', summary: '存活检查 / liveness; whether a model is configured' },
  {
    method: 'get',
    path: '/api/status',
    summary: '语料与台账统计 / store counts, embedding, model',
    query: { probe: '1 = probe the model endpoint' },
  },
  {
    method: 'post',
    path: '/api/reports',
    summary: '导入报告 / ingest a report (JSON or multipart "file")',
    query: { index: 'auto (default) | defer = leave the index to POST /api/corpus/indexes' },
    body: fileInputSchema,
  },
  { method: 'get', path: '/api/reports', summary: '报告列表 / list stored reports' },
  {
    method: 'get',
    path: '/api/reports/{id}',
    summary: '报告全文 / a stored report (structure, text or Markdown)',
    params: { id: 'report id (content hash)' },
    query: { format: 'json | text | markdown' },
  },
  {
    method: 'delete',
    path: '/api/reports/{id}',
    summary: '删除报告 / delete a report',
    params: { id: 'report id' },
  },
  {
    method: 'post',
    path: '/api/search',
    summary: '混合检索 / hybrid search with citations',
    body: searchSchema,
  },
  {
    method: 'post',
    path: '/api/ledger',
    summary: '导入台账 / import a ledger file (all rows or none)',
    body: fileInputSchema,
  },
  {
    method: 'get',
    path: '/api/ledger',
    summary: '查询台账 / query ledger records',
    query: { year: 'year', q: 'words in metric or note' },
  },
  {
    method: 'post',
    path: '/api/check',
    summary: '数字核查 / check every figure of a text',
    body: checkSchema,
  },
  {
    method: 'post',
    path: '/api/draft/outline',
    summary: '起草提纲 / the six-part outline of a new year (carry-forward)',
    body: outlineSchema,
  },
  { method: 'post', path: '/api/draft', summary: '起草全文 / draft a whole summary', body: wholeSchema },
  {
    method: 'post',
    path: '/api/draft/section',
    summary: '起草一段 / draft one paragraph (streamed)',
    body: sectionSchema,
    sse: true,
  },
  { method: 'post', path: '/api/draft/titles', summary: '拟定部分标题 / propose part titles (model)' },
  { method: 'post', path: '/api/draft/check', summary: '核查草稿 / check a draft paragraph by paragraph' },
  { method: 'post', path: '/api/draft/renumber', summary: '重新编号 / renumber parts (一)…' },
  { method: 'post', path: '/api/draft/export', summary: '导出 / export md, txt or docx', body: exportSchema },
  { method: 'get', path: '/api/drafts', summary: '草稿列表 / saved drafts, latest first' },
  {
    method: 'get',
    path: '/api/drafts/{id}',
    summary: '打开草稿 / a saved draft',
    params: { id: 'draft id' },
  },
  {
    method: 'put',
    path: '/api/drafts/{id}',
    summary: '保存草稿 / save a draft (atomic)',
    params: { id: 'draft id' },
  },
  {
    method: 'delete',
    path: '/api/drafts/{id}',
    summary: '删除草稿 / delete a draft',
    params: { id: 'draft id' },
  },
  {
    method: 'post',
    path: '/api/chat',
    summary: '问答 / chat about past work (streamed, with citations)',
    body: chatSchema,
    sse: true,
  },
  { method: 'post', path: '/api/corpus/bundled', summary: '导入内置示例语料 / load the bundled demo corpus' },
  { method: 'get', path: '/api/corpus/bundled', summary: '内置示例语料文件 / the bundled demo files' },
  {
    method: 'post',
    path: '/api/corpus/bundled/{fileName}',
    summary: '导入一个内置文件 / ingest one bundled file',
    params: { fileName: 'bundled file name' },
  },
  { method: 'get', path: '/api/corpus/indexes', summary: '检索索引状态 / state of the search indexes' },
  {
    method: 'post',
    path: '/api/corpus/indexes',
    summary: '更新检索索引 / bring the search indexes up to date (after ingests with ?index=defer)',
  },
  { method: 'post', path: '/api/corpus/reindex', summary: '重建检索向量 / re-embed every chunk' },
];

const problem = {
  description: 'Error: {"error": {"code", "message_zh", "message_en", "details"?}}',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message_zh', 'message_en'],
            properties: {
              code: { type: 'string' },
              message_zh: { type: 'string' },
              message_en: { type: 'string' },
              details: { type: 'array', items: { type: 'object' } },
            },
          },
        },
      },
    },
  },
};

const jsonSchemaOf = (schema: z.ZodType): unknown => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
};

/** Builds the OpenAPI 3.1 document of the API. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = [
      ...Object.entries(op.params ?? {}).map(([name, description]) => ({
        name,
        in: 'path',
        required: true,
        description,
        schema: { type: 'string' },
      })),
      ...Object.entries(op.query ?? {}).map(([name, description]) => ({
        name,
        in: 'query',
        required: false,
        description,
        schema: { type: 'string' },
      })),
    ];
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchemaOf(op.body) } },
            },
          }
        : {}),
      responses: {
        '200': op.sse
          ? { description: 'Server-Sent Events stream', content: { 'text/event-stream': {} } }
          : { description: 'OK', content: { 'application/json': {} } },
        '4XX': problem,
        '5XX': problem,
      },
      security: op.path === '/api/health' ? [] : [{ bearer: [] }],
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'govdraft API',
      version: '0.1.0',
      description: '年度工作总结起草与数字核查。Figures never come from a language model.',
    },
    servers: [{ url: 'http://127.0.0.1:8787' }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'GOVDRAFT_TOKEN; required when bound beyond loopback',
        },
      },
    },
    paths,
  };
}

/** GET /api/openapi.json */
export function openApiRoutes() {
  const document = openApiDocument();
  return new Hono().get('/', (c) => c.json(document));
}
