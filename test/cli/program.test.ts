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

  it('refuses to serve beyond loopback without a token', async () => {
    const run = await runCli(['serve', '--host', '0.0.0.0', '--port', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GOVDRAFT_TOKEN');
  });
});
