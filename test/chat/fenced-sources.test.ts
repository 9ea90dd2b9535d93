import { describe, expect, it } from 'vitest';
import { fencedSources } from '../../server/chat/fenced-sources.ts';
import { newFence } from '../../server/models/index.ts';
import { hitsOf, seedSketch } from './hits.ts';

describe('retrieved passages for the chat model', () => {
  it('numbers each passage with where it comes from', () => {
    const seed = hitsOf(seedSketch);
    const text = fencedSources([{ n: 1, hit: seed.find('帮困救助'), paragraph: 2 }], newFence());
    expect(text).toBe(
      '[1] 《甘泉路街道2016年工作总结》(一)注重保障民生,公共服务能级提升 第2段\n落实托底保障政策。元旦、春节帮困救助惠及4720人次,总金额139.76万元。',
    );
  });
});
