import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

/** A loopback port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('govdraft (built command)', () => {
  it('prints Chinese help', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('用法:');
    expect(run.stdout).toContain('serve');
  });

  it('rejects an unknown command with exit 2 and a Chinese message', async () => {
    const run = await runCli(['bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('未知命令 bogus');
  });

  it('refuses to serve beyond loopback without a token', async () => {
    const run = await runCli(['serve', '--host', '0.0.0.0', '--port', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GOVDRAFT_TOKEN');
  });

  it('says a --server that is not running cannot be reached, with exit 3', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    for (const args of [['reports'], ['ingest', 'corpus/reports'], ['check', 'corpus/reports']]) {
      const run = await runCli(['--server', url, ...args]);
      expect(run.code, args.join(' ')).toBe(3);
      expect(run.stderr).toContain(`错误:无法连接服务 ${url}，请确认 govdraft serve 已启动、地址和端口正确`);
      expect(run.stderr).toMatch(/server_unreachable: Cannot reach .*ECONNREFUSED/);
      expect(run.stderr).not.toContain('内部错误');
    }
  });
});
