import { whenAdmitted } from '../../api/admission-retry.ts';
import { askToken, currentToken } from './token.ts';

/** A detail of an API problem (a bad ledger row, an invalid field). */
export interface ProblemDetail {
  row?: number;
  field?: string;
  message_zh: string;
  message_en: string;
}

/** An API problem: the JSON body `{error: {code, message_zh, message_en, details}}` and its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly details: ProblemDetail[] = [],
  ) {
    super(messageZh);
  }
}

interface ProblemBody {
  error?: { code?: string; message_zh?: string; message_en?: string; details?: ProblemDetail[] };
}

/** The problem an error response carries (or a plain one when the body is not a problem). */
async function problemOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as ProblemBody;
  const e = body.error;
  return new ApiError(
    response.status,
    e?.code ?? 'http_error',
    e?.message_zh ?? `服务返回错误（HTTP ${response.status}）`,
    e?.details ?? [],
  );
}

/**
 * fetch against this server with the session's token; a 401 asks for the token and tries again, a
 * busy server's 503 with Retry-After is waited out. Requests are same-origin, so the server's Origin
 * checks see the page's own address.
 */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  for (;;) {
    const headers = new Headers(init.headers);
    const token = currentToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const response = await whenAdmitted(() => fetch(path, { ...init, headers, credentials: 'same-origin' }));
    if (response.status !== 401) return response;
    await response.body?.cancel();
    await askToken(token ? '访问令牌不正确，请重新输入。' : '');
  }
}

/** The response when it is a success; the API's problem thrown otherwise. */
export async function ok(response: Response): Promise<Response> {
  if (!response.ok) throw await problemOf(response);
  return response;
}

/** GET a JSON resource. */
export async function getJson<T>(path: string): Promise<T> {
  return (await (await ok(await request(path))).json()) as T;
}

/** POST a JSON body; the JSON answer. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await (await ok(response)).json()) as T;
}

/** POST one file as multipart `file`; the JSON answer. */
export async function postFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return (await (await ok(await request(path, { method: 'POST', body: form }))).json()) as T;
}

/** A message for users: 错误：… in Chinese, whatever failed. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return `错误：${error.messageZh}`;
  return `错误：无法连接服务（${error instanceof Error ? error.message : String(error)}）`;
}
