import { describe, expect, it } from 'vitest';
import {
  partitionsOf,
  plannedPartitions,
  probesFor,
  vectorIndexName,
} from '../../server/store/vector-index.ts';

describe('plannedPartitions', () => {
  it.each([
    { rows: 19_999, current: null, expected: null },
    { rows: 20_000, current: null, expected: 141 },
    { rows: 100_000, current: null, expected: 316 },
    { rows: 79_000, current: 141, expected: null },
    { rows: 80_000, current: 141, expected: 283 },
    { rows: 100, current: null, minRows: 50, expected: 10 },
  ])('$rows rows, index of $current partitions → $expected', ({ rows, current, minRows, expected }) => {
    expect(plannedPartitions(rows, current, minRows ?? 20_000)).toBe(expected);
  });
});

describe('index names and probes', () => {
  it('round-trips the partition count through the index name', () => {
    expect(partitionsOf(vectorIndexName(316))).toBe(316);
    expect(partitionsOf('text_idx')).toBeNull();
  });

  it.each([
    [10, 10],
    [141, 16],
    [316, 19],
    [1000, 60],
  ])('probes %i partitions with %i', (partitions, probes) => {
    expect(probesFor(partitions)).toBe(probes);
  });
});
