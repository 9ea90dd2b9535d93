/**
 * The one Server-Sent Events encoder of the API: each engine event becomes one SSE event named by
 * its type, with an increasing id and JSON data; a failure mid-stream becomes an `error` event with
 * the problem body; the client leaving aborts the engine's work.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { toGovdraftError } from '../errors.ts';

/**
 * Streams the events `produce` yields (given a signal that aborts when the client leaves) as SSE,
 * `data` giving each event's JSON data.
 */
export function sseEvents<E extends { type: string }>(
  c: Context,
  produce: (signal: AbortSignal) => AsyncIterable<E>,
  data: (event: E) => object,
): Response {
  return streamSSE(
    c,
    async (stream) => {
      const controller = new AbortController();
      stream.onAbort(() => controller.abort());
      let id = 0;
      for await (const event of produce(controller.signal)) {
        await stream.writeSSE({ event: event.type, id: String(id++), data: JSON.stringify(data(event)) });
      }
    },
    async (error, stream) => {
      if (stream.aborted) return;
      await stream.writeSSE({ event: 'error', data: JSON.stringify(toGovdraftError(error).toJSON()) });
    },
  );
}
