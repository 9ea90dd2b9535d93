import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../../server/config.ts';
import { type RunningServer, startServer } from '../../server/serve.ts';

export interface TestServer extends RunningServer {
  config: Config;
  dataDir: string;
  /**
   * fetch against the server as its own clients do (the CLI, its own page): with `Origin` set to
   * the server's address unless `init` gives one. `api('/api/health')`.
   */
  api(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * Starts the real API over HTTP on 127.0.0.1 (random port) with a fresh data dir, removed on close,
 * or on the data dir given (left for the caller).
 */
export async function startTestServer(env: NodeJS.ProcessEnv = {}, given?: string): Promise<TestServer> {
  const dataDir = given ?? mkdtempSync(join(tmpdir(), 'govdraft-api-'));
  const config = loadConfig({ dataDir, host: '127.0.0.1', port: 0 }, env);
  const server = await startServer(config);
  return {
    ...server,
    config,
    dataDir,
    api: (path, init) => {
      const headers = new Headers(init?.headers);
      if (!headers.has('origin')) headers.set('origin', server.url);
      return fetch(`${server.url}${path}`, { ...init, headers });
    },
    close: async () => {
      await server.close();
      if (!given) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The JSON problem body of an error response. */
export interface ProblemBody {
  error: {
    code: string;
    message_zh: string;
    message_en: string;
    details?: { row?: number; field?: string }[];
  };
}

/** Reads a response body as JSON of a known shape (tests only: the shape is what they assert). */
export async function jsonOf<T = ProblemBody>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
