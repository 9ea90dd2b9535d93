import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { type ErrorCode, GovdraftError, toGovdraftError } from '../errors.ts';
import { retryAfterSeconds } from './admission.ts';
import { issueZh } from './issue-zh.ts';

/** The one place error codes become HTTP statuses. */
const statusByCode: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  empty_input: 400,
  binary_input: 415,
  unsupported_format: 415,
  unsupported_media_type: 415,
  corrupt_file: 422,
  bad_ledger: 422,
  file_too_complex: 422,
  payload_too_large: 413,
  file_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  embedding_mismatch: 409,
  store_busy: 503,
  storage_unwritable: 507,
  storage_full: 507,
  server_busy: 503,
  task_timeout: 503,
  task_out_of_memory: 503,
  store_unreachable: 503,
  server_unreachable: 503,
  model_unavailable: 503,
  model_failed: 502,
  config_invalid: 500,
  internal: 500,
};

/** HTTP status for an error code. */
export function statusOf(code: ErrorCode): ContentfulStatusCode {
  return statusByCode[code];
}

/** Renders any error as a JSON problem `{error: {code, message_zh, message_en}}` with its status. */
export function problemResponse(c: Context, error: unknown): Response {
  const known = fromHttpException(error) ?? toGovdraftError(error);
  if (known.code === 'internal') console.error(error);
  // RFC 6750: a 401 names the scheme the client should use.
  if (known.code === 'unauthorized') c.header('WWW-Authenticate', 'Bearer realm="govdraft"');
  // RFC 9110: a 503 of a full queue says when to come back.
  if (known.code === 'server_busy') c.header('Retry-After', String(retryAfterSeconds));
  return c.json(known.toJSON(), statusOf(known.code));
}

function fromHttpException(error: unknown): GovdraftError | null {
  if (!(error instanceof HTTPException)) return null;
  if (error.status === 413) return payloadTooLarge();
  if (/json/i.test(error.message)) {
    return new GovdraftError('invalid_json', '请求体不是有效的 JSON', `Malformed JSON: ${error.message}`);
  }
  if (error.status === 401)
    return new GovdraftError('unauthorized', '未授权', error.message || 'Unauthorized');
  return new GovdraftError('bad_request', `请求无效:${error.message}`, error.message || 'Bad request');
}

/** The error for a body over the configured limit. */
export function payloadTooLarge(limitBytes?: number): GovdraftError {
  const mb = limitBytes ? `${Math.round(limitBytes / 1024 / 1024)} MB` : '';
  return new GovdraftError(
    'payload_too_large',
    `请求内容过大${mb ? `,上限为 ${mb}` : ''}`,
    `Request body too large${mb ? ` (limit ${mb})` : ''}`,
  );
}

/**
 * Turns zod issues into one GovdraftError listing every invalid field, in Chinese and English;
 * `input` (what was validated) lets the Chinese say what was sent.
 */
export function validationError(issues: readonly z.core.$ZodIssue[], input?: unknown): GovdraftError {
  const details = issues.map((issue) => {
    const field = issue.path.join('.') || '（请求体）';
    return {
      field,
      message_zh: `字段 ${field}：${issueZh(issue, input)}`,
      message_en: `${field}: ${issue.message}`,
    };
  });
  return new GovdraftError(
    'validation_failed',
    `请求参数无效：${details.map((d) => d.message_zh).join('；')}`,
    `Invalid request: ${details.map((d) => d.message_en).join('; ')}`,
    { details },
  );
}
