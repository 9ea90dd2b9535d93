import { describe, expect, it } from 'vitest';
import { redactSecrets, redactUrl } from '../server/redact.ts';

describe('redactUrl', () => {
  it.each([
    ['http://me:s3cret@127.0.0.1:8000/v1', 'http://***@127.0.0.1:8000/v1'],
    ['http://sk-only@127.0.0.1:8000/v1', 'http://***@127.0.0.1:8000/v1'],
    ['https://x.example/v1?api_key=k3y&model=qwen', 'https://x.example/v1?api_key=***&model=qwen'],
    [
      'https://x.example/v1?access_token=t&sig=s&Password=p',
      'https://x.example/v1?access_token=***&sig=***&Password=***',
    ],
    ['http://127.0.0.1:8000/v1', 'http://127.0.0.1:8000/v1'],
    ['https://api.deepseek.com', 'https://api.deepseek.com'],
    ['not a url user:pw@//x', 'not a url user:pw@//x'],
  ])('%s → %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });

  it('redacts every URL inside a message and leaves the rest', () => {
    expect(redactSecrets('openai:bge-m3@http://me:pw@10.0.0.5:9997/v1?key=zz (reindex)')).toBe(
      'openai:bge-m3@http://***@10.0.0.5:9997/v1?key=*** (reindex)',
    );
  });
});
