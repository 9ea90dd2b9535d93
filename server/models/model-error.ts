import { GovdraftError } from '../errors.ts';

interface ErrorLike {
  status?: number;
  code?: string;
  name?: string;
  message?: string;
  cause?: unknown;
}

const statusOf = (error: unknown): number | undefined => {
  const e = error as ErrorLike | undefined;
  return e?.status ?? (e?.cause as ErrorLike | undefined)?.status;
};

/** True when another attempt may succeed: timeouts, connection drops, 408/409/429, 5xx, bad streams. */
export function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return status === 408 || status === 409 || status === 429 || status >= 500;
  return true;
}

/** Explains a model failure to users (Chinese) and engineers (English). */
export function describeModelError(error: unknown): { message_zh: string; message_en: string } {
  const e = (error ?? {}) as ErrorLike;
  const status = statusOf(error);
  const detail = e.message ?? String(error);
  const text = `${e.name ?? ''} ${detail}`;
  if (/timeout|timed out|aborted/i.test(text))
    return { message_zh: '模型响应超时', message_en: `Model timed out: ${detail}` };
  if (status === 429)
    return { message_zh: '模型服务限流(429)', message_en: `Model rate-limited (429): ${detail}` };
  if (status === 401 || status === 403) {
    return {
      message_zh: `模型服务拒绝访问(${status}),请检查 OPENAI_API_KEY`,
      message_en: `Model refused (${status}): ${detail}`,
    };
  }
  if (status === 404) {
    return {
      message_zh: '模型服务找不到所配置的模型,请检查 GOVDRAFT_CHAT_MODEL',
      message_en: `Model not found (404): ${detail}`,
    };
  }
  if (status !== undefined && status >= 500) {
    return {
      message_zh: `模型服务内部错误(${status})`,
      message_en: `Model server error (${status}): ${detail}`,
    };
  }
  if (/ECONNREFUSED|ENOTFOUND|fetch failed|Connection error/i.test(text)) {
    return {
      message_zh: '无法连接模型服务,请检查 OPENAI_BASE_URL',
      message_en: `Cannot reach the model: ${detail}`,
    };
  }
  return { message_zh: '模型返回的数据无法解析', message_en: `Malformed model response: ${detail}` };
}

/** The GovdraftError for a model call that failed for good. */
export function modelError(error: unknown): GovdraftError {
  if (GovdraftError.isInstance(error)) return error;
  const { message_zh, message_en } = describeModelError(error);
  return new GovdraftError('model_failed', message_zh, message_en, { cause: error });
}
