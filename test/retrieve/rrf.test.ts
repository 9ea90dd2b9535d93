import { describe, expect, it } from 'vitest';
import { fuseRanks, rrfK } from '../../server/retrieve/rrf.ts';
import type { ChunkHit } from '../../server/store/index.ts';

const hit = (id: string): ChunkHit => ({ id, reportId: 'r', score: 0 });
const list = (ids: string) => [...ids].map(hit);
const order = (lists: ChunkHit[][], weights?: number[]) =>
  fuseRanks(lists, weights)
    .map((m) => m.id)
    .join('');

describe('fuseRanks', () => {
  it.each([
    { name: 'one list keeps its order', lists: ['abc'], expected: 'abc' },
    { name: 'agreement beats a single first place', lists: ['abc', 'bca'], expected: 'bac' },
    { name: 'a chunk found by every list wins', lists: ['xab', 'yab', 'zab'], expected: 'abxyz' },
    { name: 'ties keep first-seen order', lists: ['ab', 'ba'], expected: 'ab' },
    { name: 'empty lists add nothing', lists: ['', 'ab', ''], expected: 'ab' },
  ])('$name', ({ lists, expected }) => {
    expect(order(lists.map(list))).toBe(expected);
  });

  it('scores Σ weight / (k + rank)', () => {
    const [top] = fuseRanks([list('a'), list('ba')], [1, 2]);
    expect(top.id).toBe('a');
    expect(top.score).toBeCloseTo(1 / (rrfK + 1) + 2 / (rrfK + 2), 12);
  });

  it('lets a weight tip the balance', () => {
    expect(order([list('ab'), list('ba')], [1, 2])).toBe('ba');
  });
});
