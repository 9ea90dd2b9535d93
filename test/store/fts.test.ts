import { describe, expect, it } from 'vitest';
import { termsOf } from '../../server/store/fts.ts';
import { tokensOf } from '../../server/store/tokens.ts';

describe('termsOf', () => {
  it('lists jieba words, then bigrams marked apart from words of the same characters', () => {
    expect(termsOf('拆除违法建筑154处')).toBe(
      '拆除 违法 建筑 154 处 _拆除 _除违 _违法 _法建 _建筑 _筑1 _15 _54 _4处',
    );
  });

  it('lower-cases letters and drops punctuation', () => {
    expect(termsOf('APP上线,Wi-Fi覆盖。')).toBe(termsOf('app上线 wi fi覆盖'));
  });

  it('is empty for a text without words', () => {
    expect(termsOf('。,、 ')).toBe('');
  });
});

describe('tokensOf', () => {
  it('cuts a text once however often it is asked (the embedder and the terms both ask)', () => {
    const text = '组建“独居老人结对关爱联盟”';
    expect(tokensOf(text)).toBe(tokensOf(text));
    expect(tokensOf(text).words).toContain('独居');
  });
});
