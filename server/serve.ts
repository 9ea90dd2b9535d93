import { type ServerType, serve } from '@hono/node-server';
import { watchLoopDelay } from './api/index.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { createEngine } from './engine.ts';
import { GovdraftError } from './errors.ts';
import { isLoopback } from './loopback.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the API over HTTP. Binding beyond loopback without GOVDRAFT_TOKEN is refused: the ledger
 * and past reports are office data.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  if (!isLoopback(config.host) && !config.token) {
    throw new GovdraftError(
      'config_invalid',
      `拒绝在 ${config.host} 上启动:绑定非本机地址时必须设置访问令牌 GOVDRAFT_TOKEN`,
      `Refusing to bind ${config.host} without GOVDRAFT_TOKEN (a bearer token is required beyond loopback)`,
    );
  }
  watchLoopDelay();
  const engine = createEngine(config);
  engine.uploads.warm();
  // A server loads every route module at start, so no first request waits for one.
  const app = createApp(config, engine, { preload: true });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
    s.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new GovdraftError(
          'config_invalid',
          error.code === 'EADDRINUSE' ? `端口 ${config.port} 已被占用` : `无法启动服务:${error.message}`,
          `Cannot listen on ${config.host}:${config.port}: ${error.message}`,
          { cause: error },
        ),
      ),
    );
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await engine.close();
    },
  };
}
