import { describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { GovdraftError } from '../server/errors.ts';

describe('loadConfig', () => {
  it('defaults to loopback, ./.govdraft and offline mode', () => {
    const config = loadConfig({}, {});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8787);
    expect(config.dataDir.endsWith('.govdraft')).toBe(true);
    expect(config.model).toBeNull();
  });

  it('lets flags win over the environment', () => {
    const config = loadConfig(
      { dataDir: '/tmp/a', port: '9000' },
      { GOVDRAFT_DATA_DIR: '/tmp/b', GOVDRAFT_PORT: '1' },
    );
    expect(config.dataDir).toBe('/tmp/a');
    expect(config.port).toBe(9000);
  });

  it('reads the store location from --store, else GOVDRAFT_STORE_URI, else none (the data dir)', () => {
    expect(loadConfig({}, {}).store).toBeNull();
    expect(loadConfig({}, { GOVDRAFT_STORE_URI: 's3://gd/district' }).store).toBe('s3://gd/district');
    expect(loadConfig({ store: '/srv/tables' }, { GOVDRAFT_STORE_URI: 's3://gd/x' }).store).toBe(
      '/srv/tables',
    );
  });

  it('reads an OpenAI-compatible endpoint', () => {
    const config = loadConfig(
      {},
      { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', GOVDRAFT_CHAT_MODEL: 'qwen', OPENAI_API_KEY: ' ' },
    );
    expect(config.model).toMatchObject({
      baseURL: 'http://127.0.0.1:9/v1',
      chatModel: 'qwen',
      apiKey: 'not-needed',
    });
  });

  it('reads the upload workers: count, deadline and heap', () => {
    expect(loadConfig({}, {}).workers).toMatchObject({ deadlineMs: 30_000, memoryMb: 256 });
    const config = loadConfig(
      {},
      { GOVDRAFT_WORKERS: '3', GOVDRAFT_WORKER_TIMEOUT_MS: '5000', GOVDRAFT_WORKER_MEMORY_MB: '128' },
    );
    expect(config.workers).toEqual({ size: 3, deadlineMs: 5000, memoryMb: 128 });
    expect(() => loadConfig({}, { GOVDRAFT_WORKER_MEMORY_MB: '8' })).toThrow(/GOVDRAFT_WORKER_MEMORY_MB/);
  });

  it('takes serve --workers over GOVDRAFT_WORKERS, and refuses a count that is not 0–64', () => {
    expect(loadConfig({ workers: '0' }, { GOVDRAFT_WORKERS: '3' }).workers.size).toBe(0);
    expect(loadConfig({ workers: 4 }, {}).workers.size).toBe(4);
    const refused = (() => {
      try {
        loadConfig({ workers: 'two' }, {});
      } catch (error) {
        return error as GovdraftError;
      }
    })();
    expect(refused?.code).toBe('config_invalid');
    expect(refused?.messageZh).toBe('工作线程数无效：two（应为 0 到 64 的整数）');
    expect(() => loadConfig({ workers: '65' }, {})).toThrow(/Invalid --workers: 65/);
  });

  it('reads the admission queue: 4 at once, 64 waiting and 250 ms of expected wait unless set', () => {
    expect(loadConfig({}, {}).requests).toEqual({ active: 4, queue: 64, maxWaitMs: 250 });
    const env = { GOVDRAFT_MAX_ACTIVE: '2', GOVDRAFT_MAX_QUEUE: '0', GOVDRAFT_MAX_WAIT_MS: '800' };
    expect(loadConfig({}, env).requests).toEqual({ active: 2, queue: 0, maxWaitMs: 800 });
    expect(() => loadConfig({}, { GOVDRAFT_MAX_WAIT_MS: '0' })).toThrow(/GOVDRAFT_MAX_WAIT_MS/);
    expect(() => loadConfig({}, { GOVDRAFT_MAX_ACTIVE: '0' })).toThrow(/GOVDRAFT_MAX_ACTIVE/);
  });

  it('rejects an invalid value with a Chinese and English message', () => {
    try {
      loadConfig({}, { OPENAI_BASE_URL: 'not a url' });
      expect.unreachable();
    } catch (error) {
      expect(GovdraftError.isInstance(error)).toBe(true);
      expect((error as GovdraftError).messageZh).toContain('OPENAI_BASE_URL');
      expect((error as GovdraftError).message).toContain('OPENAI_BASE_URL');
    }
  });
});
