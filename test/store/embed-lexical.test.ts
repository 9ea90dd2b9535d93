import { describe, expect, it } from 'vitest';
import { createLexicalEmbedder, lexicalVector } from '../../server/store/embed-lexical.ts';

const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i], 0);

describe('lexical embedding', () => {
  it('is deterministic, unit-length and sized by its dimensions', async () => {
    const embedder = createLexicalEmbedder(256);
    const [a, b] = await embedder.embed(['拆除违法建筑154处', '拆除违法建筑154处']);
    expect(embedder.id).toBe('lexical-v1:256');
    expect(embedder.dimensions).toBe(256);
    expect(a).toHaveLength(256);
    expect(a).toEqual(b);
    expect(dot(a, a)).toBeCloseTo(1, 6);
  });

  it('defaults to 1024 dimensions', () => {
    expect(createLexicalEmbedder().id).toBe('lexical-v1:1024');
  });

  it('places texts sharing words closer than unrelated ones', () => {
    const query = lexicalVector('违法建筑拆除了多少', 1024);
    const related = lexicalVector('全年共计拆除违法建筑154处,9058平方米。', 1024);
    const unrelated = lexicalVector('元旦、春节帮困救助惠及4720人次,总金额139.76万元。', 1024);
    expect(dot(query, related)).toBeGreaterThan(0.3);
    expect(dot(query, related)).toBeGreaterThan(dot(query, unrelated) + 0.2);
  });

  it('weighs the figure a question names above repeated words', () => {
    const query = lexicalVector('拆除违法建筑154处', 1024);
    const naming = lexicalVector('“五违四必”整治圆满完成。全年共计拆除违法建筑154处,9058平方米。', 1024);
    const repeating = lexicalVector('拆除违法建筑。全年拆除违法建筑88处,2100平方米。', 1024);
    expect(dot(query, naming)).toBeGreaterThan(dot(query, repeating));
  });

  it('gives the zero vector for text without words', () => {
    expect(lexicalVector(',。!  ', 64).every((x) => x === 0)).toBe(true);
  });
});
