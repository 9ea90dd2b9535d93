import { describe, expect, it } from 'vitest';
import { bigrams, segment } from '../../server/text/segment.ts';

describe('segment', () => {
  it('cuts Chinese into dictionary words and drops punctuation', () => {
    const words = segment('全年共计拆除违法建筑154处,9058平方米。');
    expect(words).toContain('违法');
    expect(words).toContain('建筑');
    expect(words).toContain('154');
    expect(words).not.toContain(',');
    expect(words).not.toContain('。');
  });
});

describe('bigrams', () => {
  it('pairs adjacent characters within runs', () => {
    expect(bigrams('违法建筑,处')).toEqual(['违法', '法建', '建筑', '处']);
  });
});
