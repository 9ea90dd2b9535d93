/**
 * Credentials people put into an endpoint URL (https://user:key@host/v1, ?api_key=…) are hidden
 * before a URL is shown: in /api/status, in embedder ids, in messages.
 */

/** Query parameters whose values are secrets. */
const secretParam = /key|token|secret|passw|signature|^sig$|auth|credential/i;

/**
 * The URL with its user info and secret-looking query values replaced by ***.
 * @example redactUrl('http://me:s3cret@127.0.0.1:8000/v1?api_key=k') // 'http://***@127.0.0.1:8000/v1?api_key=***'
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\/\/[^/@\s]*@/, '//***@');
  }
  if (parsed.username || parsed.password) {
    parsed.username = '***';
    parsed.password = '';
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (secretParam.test(name)) parsed.searchParams.set(name, '***');
  }
  const shown = parsed.toString();
  // URL adds a "/" to a bare origin; keep the URL as it was written.
  return url.endsWith('/') || !shown.endsWith('/') || parsed.pathname !== '/' ? shown : shown.slice(0, -1);
}

/** Every http(s) URL inside a text, redacted (messages that quote an endpoint). */
export function redactSecrets(text: string): string {
  return text.replace(/\bhttps?:\/\/[^\s"'<>]+/g, (url) => redactUrl(url));
}
