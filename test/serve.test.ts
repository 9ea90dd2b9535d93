import { describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { GovdraftError } from '../server/errors.ts';
import { isLoopback } from '../server/loopback.ts';
import { startServer } from '../server/serve.ts';

describe('startServer', () => {
  it('refuses a non-loopback address without a token', async () => {
    const config = loadConfig({ host: '0.0.0.0', port: 0, dataDir: '/tmp/govdraft-unused' }, {});
    const error = await startServer(config).catch((e: unknown) => e);
    expect(GovdraftError.isInstance(error)).toBe(true);
    expect((error as GovdraftError).messageZh).toContain('GOVDRAFT_TOKEN');
  });

  it.each([
    ['127.0.0.1', true],
    ['localhost', true],
    ['::1', true],
    ['LocalHost', true],
    ['[::1]', true],
    ['127.12.0.9', true],
    ['::ffff:127.0.0.1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['0.0.0.0', false],
    ['192.168.1.10', false],
    ['127.0.0.1.attacker.example', false],
    ['127.evil.example', false],
    ['localhost.attacker.example', false],
    ['::', false],
    ['', false],
  ])('isLoopback(%s) = %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});
