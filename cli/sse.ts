/**
 * Reading Server-Sent Events from a response body (the typed client's streamed answers: draft
 * sections, chat). The parser follows the WHATWG event-stream rules that matter here: `event:`,
 * `data:` (several lines joined by \n), `id:`, comment lines, and LF / CRLF / CR line ends.
 */
import { type ErrorCode, type ErrorDetail, GovdraftError } from '../server/errors.ts';
import { unwrap } from './client.ts';

/** One event as sent: its name (`message` when unnamed) and its data. */
export interface SseMessage {
  event: string;
  data: string;
  id?: string;
}

/** Accumulates the fields of one event until a blank line dispatches it. */
interface Pending {
  event: string;
  data: string[];
  id?: string;
}

const fresh = (): Pending => ({ event: '', data: [] });

/** Applies one line to the pending event; returns the event when the line ends it. */
function feedLine(line: string, pending: Pending): SseMessage | null {
  if (line === '') {
    if (pending.data.length === 0 && !pending.event) return null;
    const message: SseMessage = { event: pending.event || 'message', data: pending.data.join('\n') };
    if (pending.id !== undefined) message.id = pending.id;
    return message;
  }
  if (line.startsWith(':')) return null;
  const colon = line.indexOf(':');
  const field = colon < 0 ? line : line.slice(0, colon);
  let value = colon < 0 ? '' : line.slice(colon + 1);
  if (value.startsWith(' ')) value = value.slice(1);
  if (field === 'event') pending.event = value;
  else if (field === 'data') pending.data.push(value);
  else if (field === 'id') pending.id = value;
  return null;
}

/**
 * The events of an event-stream body, in order, as they arrive.
 * @example for await (const m of readSse(response.body)) if (m.event === 'delta') …
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  let pending = fresh();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      // A CR at the very end may be the first half of a CRLF: keep it until more arrives. An event
      // left without its closing blank line when the stream ends is dropped, as the standard says.
      const lines = buffer.split(/\r\n|\r(?!$)|\n/);
      buffer = done ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        const message = feedLine(line.replace(/\r$/, ''), pending);
        if (message) {
          pending = fresh();
          yield message;
        } else if (line === '') pending = fresh();
      }
      if (done) return;
    }
  } finally {
    reader.releaseLock();
    // Leaving early (break, throw) cancels the request so the server stops generating.
    await body.cancel().catch(() => undefined);
  }
}

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
