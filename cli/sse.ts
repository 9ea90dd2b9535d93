/** The typed client's streamed answers (draft sections, chat) as events; the parser is server/api/event-stream.ts. */

import { readSse } from '../server/api/event-stream.ts';
import { type ErrorCode, type ErrorDetail, GovdraftError } from '../server/errors.ts';
import { unwrap } from './client.ts';

/** An `error` event's problem body, as the API's streamed routes send it. */
interface ProblemEvent {
  error?: { code?: ErrorCode; message_zh?: string; message_en?: string; details?: ErrorDetail[] };
}

/**
 * The events of a streamed API answer as typed objects: a non-2xx answer or an `error` event throws
 * the API's problem (GovdraftError); each event's JSON data gets the event name as `type`.
 */
export async function* readEvents<T extends { type: string }>(response: {
  ok: boolean;
  status: number;
  body: ReadableStream | null;
  json(): Promise<unknown>;
}): AsyncGenerator<T> {
  if (!response.ok) await unwrap(response);
  if (!response.body) return;
  for await (const message of readSse(response.body)) {
    const data = message.data ? (JSON.parse(message.data) as Record<string, unknown>) : {};
    if (message.event === 'error') {
      const e = (data as ProblemEvent).error;
      throw new GovdraftError(
        e?.code ?? 'internal',
        e?.message_zh ?? '服务在生成途中出错',
        e?.message_en ?? 'The server failed mid-stream',
        { details: e?.details },
      );
    }
    yield { ...data, type: message.event } as unknown as T;
  }
}
