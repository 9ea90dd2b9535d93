/**
 * The client's side of the admission gate: a 503 that carries Retry-After is the server asking to be
 * asked again later, so the CLI and the web page wait as told and send the request again (a few
 * times) instead of showing the user an error. Browser-safe: the web page's script uses it too.
 */

/** Tries at most, the first included, before the last 503 is returned as it is. */
const attempts = 8;

/** The wait a 503 asks for, in ms; null when the answer is not a 503 with Retry-After in seconds. */
export function retryAfterMs(response: {
  status: number;
  headers: { get(name: string): string | null };
}): number | null {
  if (response.status !== 503) return null;
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 && response.headers.get('retry-after') !== null
    ? seconds * 1000
    : null;
}

/**
 * Sends a request, and again after each 503 with Retry-After (waiting what it says), up to 8 times.
 * `send` must build a fresh request each time (a string, Blob or FormData body can be sent again).
 * @example const res = await whenAdmitted(() => fetch(url, init));
 */
export async function whenAdmitted(
  send: () => Promise<Response>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<Response> {
  for (let tried = 1; ; tried++) {
    const response = await send();
    const wait = retryAfterMs(response);
    if (wait === null || tried >= attempts) return response;
    await response.body?.cancel();
    await sleep(wait);
  }
}
