import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

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

  it('says the server cannot be reached when --server points at a closed port', async () => {
    const port = await closedPort();
    const server = `http://127.0.0.1:${port}`;
    const run = await runCli(['search', '违法建筑', '--server', server]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`无法连接服务 ${server}`);
    expect(run.stderr).toContain('server_unreachable');
    expect(run.stderr).not.toContain('内部错误');
  });

  it('refuses to serve beyond loopback without a token', async () => {
    const run = await runCli(['serve', '--host', '0.0.0.0', '--port', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GOVDRAFT_TOKEN');
  });
});

/** A loopback port nobody listens on: bound once by us, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
