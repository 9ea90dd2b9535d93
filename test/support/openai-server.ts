/**
 * A scripted OpenAI-compatible server on 127.0.0.1 for tests: /v1/embeddings, /v1/chat/completions
 * (streamed and not) and /v1/models. By default it answers sensibly (deterministic lexical
 * embeddings, a fixed chat reply); `script(route, ...replies)` queues per-request behaviour —
 * delays, status codes, garbage bodies, streams that break halfway, requests that never answer.
 *
 * @example
 * const server = await startOpenAIServer();
 * server.script('chat', { status: 500 }, { chat: '第二次成功' });
 * // … point OPENAI_BASE_URL at server.baseURL …
 * await server.close();
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lexicalVector } from '../../server/store/index.ts';

export type Route = 'embeddings' | 'chat' | 'models';

/** What the server does with one request. Fields combine: `delayMs` first, then the first of the others given. */
export interface Reply {
  /** Wait this long before answering (for timeout tests). */
  delayMs?: number;
  /** Answer with this HTTP status and an OpenAI-style error body (or `body` when given). */
  status?: number;
  body?: unknown;
  /** Answer 200 with this raw text as the body (not JSON, or JSON of the wrong shape). */
  garbage?: string;
  /** Never answer; the request stays open until the client gives up or the server closes. */
  hang?: boolean;
  /** Chat: the assistant's reply. Streamed requests get it in `chunks` (default: one piece per character). */
  chat?: string;
  chunks?: string[];
  /** Chat, streamed: cut the connection after this many chunks, without [DONE]. */
  breakAfter?: number;
  /** Embeddings: the vectors to return (one per input), instead of the default embedding. */
  vectors?: number[][];
}

export interface RecordedRequest {
  route: Route | 'other';
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
}

export interface ServerOptions {
  /** Default embedding of one input (default: lexical, 64 dimensions). */
  embed?: (text: string) => number[];
  /** Default chat reply for a conversation (default: '好的。'); an array is the reply in those stream chunks. */
  reply?: (messages: { role: string; content: unknown }[]) => string | string[];
  /**
   * How a streamed reply without its own `chunks` is cut (default: one piece per character). A
   * test that only needs a reply to stream cuts it in a few pieces: the UI then draws a few frames
   * instead of one per character.
   */
  pieces?: (content: string) => string[];
  /** Model ids listed by GET /v1/models. */
  models?: string[];
}

export interface OpenAIServer {
  /** Base URL including /v1, as OPENAI_BASE_URL expects it. */
  baseURL: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Queues replies for the next requests on a route; when the queue is empty, defaults apply. */
  script(route: Route, ...replies: Reply[]): void;
  /** Requests received on a route. */
  count(route: Route): number;
  close(): Promise<void>;
}

const routeOf = (method: string, path: string): Route | 'other' => {
  if (method === 'POST' && path.endsWith('/embeddings')) return 'embeddings';
  if (method === 'POST' && path.endsWith('/chat/completions')) return 'chat';
  if (method === 'GET' && path.endsWith('/models')) return 'models';
  return 'other';
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readBody(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString('utf8');
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Float32 little-endian bytes in base64: what the SDK expects for `encoding_format: 'base64'`. */
function toBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

function embeddingsBody(request: Record<string, unknown>, reply: Reply, embed: (text: string) => number[]) {
  const input = request.input;
  const inputs = (Array.isArray(input) ? input : [input]).map(String);
  const vectors = reply.vectors ?? inputs.map(embed);
  const base64 = request.encoding_format === 'base64';
  return {
    object: 'list',
    model: String(request.model ?? 'scripted-embed'),
    data: vectors.map((vector, index) => ({
      object: 'embedding',
      index,
      embedding: base64 ? toBase64(vector) : vector,
    })),
    usage: { prompt_tokens: inputs.join('').length, total_tokens: inputs.join('').length },
  };
}

async function chatReply(
  res: ServerResponse,
  request: Record<string, unknown>,
  content: string,
  reply: Reply,
  pieces: (content: string) => string[],
) {
  const model = String(request.model ?? 'scripted-chat');
  const created = Math.floor(Date.now() / 1000);
  if (!request.stream) {
    sendJson(res, 200, {
      id: 'chatcmpl-scripted',
      object: 'chat.completion',
      created,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: content.length, total_tokens: content.length + 1 },
    });
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({
      id: 'chatcmpl-scripted',
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    })}\n\n`;
  for (const [i, piece] of (reply.chunks ?? pieces(content)).entries()) {
    if (reply.breakAfter !== undefined && i >= reply.breakAfter) {
      res.socket?.destroy();
      return;
    }
    res.write(chunk(i === 0 ? { role: 'assistant', content: piece } : { content: piece }, null));
    // Each piece its own write: the event loop turns before the next one.
    await new Promise((resolve) => setImmediate(resolve));
  }
  res.write(chunk({}, 'stop'));
  res.end('data: [DONE]\n\n');
}

/** Starts the scripted server on an ephemeral port of 127.0.0.1. */
export async function startOpenAIServer(options: ServerOptions = {}): Promise<OpenAIServer> {
  const embed = options.embed ?? ((text: string) => lexicalVector(text, 64));
  const defaultReply = options.reply ?? (() => '好的。');
  const pieces = options.pieces ?? ((content: string) => [...content]);
  const queues: Record<Route, Reply[]> = { embeddings: [], chat: [], models: [] };
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();

  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const method = req.method ?? 'GET';
    const route = routeOf(method, path);
    const body = await readBody(req);
    requests.push({ route, method, path, headers: req.headers, body });
    if (route === 'other') {
      sendJson(res, 404, { error: { message: `No route ${method} ${path}`, type: 'invalid_request_error' } });
      return;
    }
    const reply = queues[route].shift() ?? {};
    if (reply.delayMs) await sleep(reply.delayMs);
    if (reply.hang) {
      hanging.add(res);
      return;
    }
    if (reply.status !== undefined) {
      sendJson(
        res,
        reply.status,
        reply.body ?? {
          error: { message: `Scripted status ${reply.status}`, type: 'server_error', code: null },
        },
      );
      return;
    }
    if (reply.garbage !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(reply.garbage);
      return;
    }
    const request = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    if (route === 'models') {
      const ids = options.models ?? ['scripted-chat', 'scripted-embed'];
      sendJson(res, 200, {
        object: 'list',
        data: ids.map((id) => ({ id, object: 'model', created: 0, owned_by: 'test' })),
      });
    } else if (route === 'embeddings') {
      sendJson(res, 200, embeddingsBody(request, reply, embed));
    } else {
      const messages = (request.messages ?? []) as { role: string; content: unknown }[];
      const answer = reply.chat ?? defaultReply(messages);
      const scripted = Array.isArray(answer) ? { ...reply, chunks: reply.chunks ?? answer } : reply;
      await chatReply(res, request, Array.isArray(answer) ? answer.join('') : answer, scripted, pieces);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script(route, ...replies) {
      queues[route].push(...replies);
    },
    count(route) {
      return requests.filter((r) => r.route === route).length;
    },
    async close() {
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The environment that points govdraft at a scripted server's chat model, with no retries. */
export function scriptedChatEnv(server: OpenAIServer): NodeJS.ProcessEnv {
  return {
    OPENAI_BASE_URL: server.baseURL,
    GOVDRAFT_CHAT_MODEL: 'scripted-chat',
    GOVDRAFT_MODEL_RETRIES: '0',
  };
}
