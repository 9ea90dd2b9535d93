/**
 * Reading the API's Server-Sent Events from a response body: the one parser shared by the terminal
 * client (cli/sse.ts) and the web page (server/web/client). It follows the WHATWG event-stream rules
 * that matter here: `event:`, `data:` (several lines joined by \n), `id:`, comment lines, and LF /
 * CRLF / CR line ends. No imports: it runs in Node and in the browser alike.
 */

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
