import { Hono } from 'hono';
import { z } from 'zod';
import { chatSchema } from './chat.ts';
import { checkSchema } from './check.ts';
import { exportSchema, outlineSchema, sectionSchema, wholeSchema } from './draft-schemas.ts';
import { assignBody } from './ledger.ts';
import { materialUploadSchema } from './materials.ts';
import { type DeclaredRoute, declaredRoutes, type RouteTable } from './route-table.ts';
import { searchSchema } from './search.ts';
import { fileInputSchema } from './upload.ts';

/** What the route table cannot say about an operation: its summary, body schema, query and streaming. */
interface Description {
  summary: string;
  body?: z.ZodType;
  /** Query parameters: name → description. */
  query?: Record<string, string>;
  /** The response is a Server-Sent Events stream. */
  sse?: boolean;
}

/**
 * Each route's description by `method path`; request bodies are the zod schemas the routes validate
 * with. The routes themselves come from the route table: a route missing here, or a description of a
 * route that does not exist, fails the API test.
 */
export const descriptions: Record<string, Description> = {
  'get /api/health': { summary: '存活检查 / liveness; whether a model is configured' },
  'get /api/status': {
    summary: '语料与台账统计 / store counts, embedding, model',
    query: { probe: '1 = probe the model endpoint' },
  },
  'post /api/reports': {
    summary: '导入报告 / ingest a report (JSON or multipart "file")',
    query: { index: 'auto (default) | defer = leave the index to POST /api/corpus/indexes' },
    body: fileInputSchema,
  },
  'get /api/reports': { summary: '报告列表 / list stored reports' },
  'get /api/reports/{id}': {
    summary: '报告全文 / a stored report (structure, text or Markdown)',
    query: { format: 'json | text | markdown' },
  },
  'delete /api/reports/{id}': {
    summary: '删除报告 / delete a report',
  },
  'post /api/search': {
    summary: '混合检索 / hybrid search with citations',
    body: searchSchema,
  },
  'post /api/ledger': {
    summary: '导入台账 / import a ledger file (all rows or none)',
    body: fileInputSchema,
    query: { org: 'the office of rows whose file names none' },
  },
  'get /api/ledger': {
    summary: '查询台账 / query ledger records',
    query: { year: 'year', q: 'words in metric or note', org: 'records of this office (short or full name)' },
  },
  'post /api/ledger/assign': {
    summary: '指定台账单位 / give ledger records with no office to one office',
    body: assignBody,
  },
  'get /api/offices': {
    summary: '单位列表 / the offices the store holds: names, short names, report and ledger counts, years',
  },
  'post /api/materials': {
    summary: '导入今年材料 / add a department material for a year (JSON or multipart "file", "year", "from")',
    body: materialUploadSchema,
  },
  'get /api/materials': {
    summary: '材料列表 / stored materials, flagged when a figure contradicts the ledger',
    query: { year: 'year' },
  },
  'delete /api/materials/{id}': {
    summary: '删除材料 / remove a material (id: its content hash)',
  },
  'post /api/check': {
    summary: '数字核查 / check every figure of a text',
    body: checkSchema,
  },
  'post /api/draft/outline': {
    summary: '起草提纲 / the six-part outline of a new year (carry-forward)',
    body: outlineSchema,
  },
  'post /api/draft': { summary: '起草全文 / draft a whole summary', body: wholeSchema },
  'post /api/draft/section': {
    summary: '起草一段 / draft one paragraph (streamed)',
    body: sectionSchema,
    sse: true,
  },
  'post /api/draft/titles': { summary: '拟定部分标题 / propose part titles (model)' },
  'post /api/draft/check': { summary: '核查草稿 / check a draft paragraph by paragraph' },
  'post /api/draft/renumber': { summary: '重新编号 / renumber parts (一)…' },
  'post /api/draft/export': { summary: '导出 / export md, txt or docx', body: exportSchema },
  'get /api/drafts': { summary: '草稿列表 / saved drafts, latest first' },
  'get /api/drafts/{id}': {
    summary: '打开草稿 / a saved draft',
  },
  'put /api/drafts/{id}': {
    summary: '保存草稿 / save a draft (atomic)',
  },
  'delete /api/drafts/{id}': {
    summary: '删除草稿 / delete a draft',
  },
  'post /api/chat': {
    summary: '问答 / chat about past work (streamed, with citations)',
    body: chatSchema,
    sse: true,
  },
  'post /api/corpus/bundled': { summary: '导入内置示例语料 / load the bundled demo corpus' },
  'get /api/corpus/bundled': { summary: '内置示例语料文件 / the bundled demo files' },
  'post /api/corpus/bundled/{fileName}': {
    summary: '导入一个内置文件 / ingest one bundled file',
  },
  'get /api/corpus/indexes': { summary: '检索索引状态 / state of the search indexes' },
  'post /api/corpus/indexes': {
    summary: '更新检索索引 / bring the search indexes up to date (after ingests with ?index=defer)',
  },
  'post /api/corpus/reindex': { summary: '重建检索向量 / re-embed every chunk' },
};

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

/** The parameters of an operation: its path's {names}, then its described query parameters. */
function parametersOf(path: string, query: Record<string, string> = {}): unknown[] {
  const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const inQuery = Object.entries(query).map(([name, description]) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: { type: 'string' },
  }));
  return [...inPath, ...inQuery];
}

/** One operation of the document: what the route declares, with its description when there is one. */
function operationOf(route: DeclaredRoute): Record<string, unknown> {
  const d = descriptions[`${route.method} ${route.path}`];
  const parameters = parametersOf(route.path, d?.query);
  return {
    summary: d?.summary ?? '',
    ...(parameters.length ? { parameters } : {}),
    ...(d?.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(d.body) } } } }
      : {}),
    responses: {
      '200': d?.sse
        ? { description: 'Server-Sent Events stream', content: { 'text/event-stream': {} } }
        : { description: 'OK', content: { 'application/json': {} } },
      '4XX': problem,
      '5XX': problem,
    },
    security: route.path === '/api/health' ? [] : [{ bearer: [] }],
  };
}

/** Builds the OpenAPI 3.1 document of the routes the API declares. */
export function openApiDocument(routes: readonly DeclaredRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path][route.method] = operationOf(route);
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

/** GET /api/openapi.json — generated once, on first request, from the routes of `table`. */
export function openApiRoutes(table: RouteTable) {
  let document: Promise<Record<string, unknown>> | null = null;
  return new Hono().get('/', async (c) => {
    document ??= declaredRoutes(table).then(openApiDocument);
    return c.json(await document);
  });
}
