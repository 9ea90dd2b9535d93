import { hc } from 'hono/client';
import type { AppType } from '../server/app.ts';
import type { Config } from '../server/config.ts';
import { GovdraftError } from '../server/errors.ts';

export type Client = ReturnType<typeof hc<AppType>>;

/**
 * The CLI's only way into the engine: the typed Hono client, either in-process (`fetch` bound to
 * the app, no port opened) or against a running server (`--server URL`).
 */
export async function createClient(config: Config, server?: string): Promise<Client> {
  if (server) {
    const headers: Record<string, string> = config.token ? { Authorization: `Bearer ${config.token}` } : {};
    const base = server.replace(/\/+$/, '');
    return hc<AppType>(base, { headers, fetch: reachable(base) });
  }
  // Loaded on demand: the engine pulls in LanceDB and friends, which `--help` does not need.
  const { createApp } = await import('../server/app.ts');
  const app = createApp(config);
  return hc<AppType>('http://govdraft.local', {
    fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => app.fetch(new Request(input, init)),
  });
}

/** `fetch` that turns a network failure (server stopped, wrong port) into `server_unreachable`. */
function reachable(server: string): typeof fetch {
  return async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (error) {
      if (init?.signal?.aborted) throw error;
      throw connectionError(server, error);
    }
  };
}

/** Reads a JSON response, turning an API problem into a GovdraftError the CLI can print. */
export async function unwrap<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(
  response: R,
): Promise<Awaited<ReturnType<R['json']>>> {
  if (response.ok) return (await response.json()) as Awaited<ReturnType<R['json']>>;
  // Not JSON (a proxy or a foreign server answered): the generic message below.
  const problem: unknown = await response.json().catch(() => null);
  throw GovdraftError.fromJSON(problem, {
    messageZh: `服务返回错误\uFF08HTTP ${response.status}\uFF09`,
    messageEn: `Server answered HTTP ${response.status}`,
  });
}

/** Wraps a connection failure to a `--server` URL in a clear message. */
function connectionError(server: string, cause: unknown): GovdraftError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new GovdraftError(
    'server_unreachable',
    `无法连接服务 ${server}\uFF0C请确认 govdraft serve 已启动`,
    `Cannot reach ${server}: ${reason}`,
    { cause },
  );
}
