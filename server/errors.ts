/**
 * The one error type of the engine: a stable `code`, a message for users (zh-CN) and the
 * technical cause for engineers (English). The API maps codes to HTTP statuses in one place.
 */
export type ErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'validation_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'empty_input'
  | 'binary_input'
  | 'unsupported_format'
  | 'corrupt_file'
  | 'file_too_large'
  | 'file_too_complex'
  | 'bad_ledger'
  | 'embedding_mismatch'
  | 'store_busy'
  | 'storage_unwritable'
  | 'storage_full'
  | 'server_busy'
  | 'task_timeout'
  | 'task_out_of_memory'
  | 'store_unreachable'
  | 'server_unreachable'
  | 'model_unavailable'
  | 'model_failed'
  | 'config_invalid'
  | 'internal';

export interface ErrorDetail {
  /** 1-based row number in a ledger file, when the problem is in a row. */
  row?: number;
  field?: string;
  message_zh: string;
  message_en: string;
}

/** The JSON body of an API problem. */
export interface ProblemBody {
  error: { code: ErrorCode; message_zh: string; message_en: string; details?: ErrorDetail[] };
}

export class GovdraftError extends Error {
  readonly code: ErrorCode;
  readonly messageZh: string;
  readonly details: ErrorDetail[];

  constructor(
    code: ErrorCode,
    messageZh: string,
    messageEn: string,
    options: { details?: ErrorDetail[]; cause?: unknown } = {},
  ) {
    super(messageEn, { cause: options.cause });
    this.name = 'GovdraftError';
    this.code = code;
    this.messageZh = messageZh;
    this.details = options.details ?? [];
  }

  /** True for any GovdraftError, also across module copies (the AI SDK's `isInstance` habit). */
  static isInstance(value: unknown): value is GovdraftError {
    return value instanceof Error && (value as { name?: string }).name === 'GovdraftError' && 'code' in value;
  }

  /**
   * The error an API problem body stands for (the inverse of `toJSON`); `fallback` gives the messages
   * when the body is not a problem (a proxy or a foreign server answered).
   */
  static fromJSON(body: unknown, fallback: { messageZh: string; messageEn: string }): GovdraftError {
    const e = (body as Partial<ProblemBody> | null | undefined)?.error;
    const text = (value: unknown, otherwise: string): string =>
      typeof value === 'string' ? value : otherwise;
    return new GovdraftError(
      (typeof e?.code === 'string' ? e.code : 'internal') as ErrorCode,
      text(e?.message_zh, fallback.messageZh),
      text(e?.message_en, fallback.messageEn),
      { details: Array.isArray(e?.details) ? e.details : undefined },
    );
  }

  /** The JSON problem body the API returns. */
  toJSON(): ProblemBody {
    return {
      error: {
        code: this.code,
        message_zh: this.messageZh,
        message_en: this.message,
        ...(this.details.length > 0 ? { details: this.details } : {}),
      },
    };
  }
}

/** Wraps anything thrown into a GovdraftError, keeping the original as the cause. */
export function toGovdraftError(error: unknown): GovdraftError {
  if (GovdraftError.isInstance(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GovdraftError('internal', `内部错误:${message}`, `Internal error: ${message}`, { cause: error });
}
