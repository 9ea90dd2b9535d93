/**
 * The typed client's streamed answers (draft sections, chat) as events: the SSE parser is
 * server/api/event-stream.ts, each event is checked against its stream's schema (server/api/streams.ts).
 */

import type { z } from 'zod';
import { readSse } from '../server/api/index.ts';
import { GovdraftError } from '../server/errors.ts';
import { unwrap } from './client.ts';

/** The error for an event the stream's schema does not know. */
function strangeEvent(event: string, issues: string): GovdraftError {
  return new GovdraftError(
    'internal',
    `服务返回了无法识别的事件\uFF08${event}\uFF09`,
    `The server sent an event its stream does not define (${event}): ${issues}`,
  );
}

/**
 * The events of a streamed API answer, each parsed with `schema` (its JSON data plus the event name as
 * `type`): a non-2xx answer or an `error` event throws the API's problem (GovdraftError).
 */
export async function* readEvents<S extends z.ZodType<{ type: string }>>(
  response: { ok: boolean; status: number; body: ReadableStream | null; json(): Promise<unknown> },
  schema: S,
): AsyncGenerator<z.infer<S>> {
  if (!response.ok) await unwrap(response);
  if (!response.body) return;
  for await (const message of readSse(response.body)) {
    const data: unknown = message.data ? JSON.parse(message.data) : {};
    if (message.event === 'error') {
      throw GovdraftError.fromJSON(data, {
        messageZh: '服务在生成途中出错',
        messageEn: 'The server failed mid-stream',
      });
    }
    const parsed = schema.safeParse({ ...(data as object), type: message.event });
    if (!parsed.success) throw strangeEvent(message.event, parsed.error.message);
    yield parsed.data;
  }
}
