import type { Command } from 'commander';
import type { GlobalOptions } from '../context.ts';
import { info } from '../output.ts';

/** `govdraft serve [--host] [--port]` — the API over HTTP until Ctrl-C. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动 HTTP 服务(默认仅本机 127.0.0.1:8787)')
    .option('--host <host>', '监听地址;非本机地址必须设置 GOVDRAFT_TOKEN')
    .option('--port <port>', '端口')
    .option('--workers <n>', '解析、核查和起草用的工作线程数(默认 GOVDRAFT_WORKERS;0 为在主线程上)')
    .action(async (options: { host?: string; port?: string; workers?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const { loadConfig } = await import('../../server/config.ts');
      const config = loadConfig({
        dataDir: globals.dataDir,
        store: globals.store,
        host: options.host,
        port: options.port,
        workers: options.workers,
      });
      const { startServer } = await import('../../server/serve.ts');
      const server = await startServer(config);
      info(
        `govdraft 服务已启动:${server.url}/api (数据目录 ${config.dataDir}${config.store ? `，资料库 ${config.store}` : ''})`,
      );
      info(`网页：${server.url}/`);
      info(config.token ? '已启用访问令牌 (Authorization: Bearer)。' : '仅本机可访问。按 Ctrl-C 停止。');
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          info('正在停止服务…');
          void server.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
