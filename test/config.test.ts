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
