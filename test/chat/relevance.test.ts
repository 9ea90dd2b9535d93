import { describe, expect, it } from 'vitest';
import { coverage, minCoverage, topicWords } from '../../server/chat/relevance.ts';

const seedSentence = '建立甘泉社区独居老人动态数据库,组建“独居老人结对关爱联盟”,提供多项关爱服务。';
const footnote = '“五违”指违法用地、违法建筑、违法经营、违法排污、违法居住;“四必”指安全隐患必须消除。';

describe('coverage', () => {
  it.each([
    ['独居老人关爱措施', seedSentence, true],
    ['五违四必', footnote, true],
    ['河长制', seedSentence, false],
    ['引进企业', '推进企业资源和社区需求对接。', false],
    ['社区垃圾分类', seedSentence, false],
  ])('%s in %s → answers: %s', (topic, text, answers) => {
    expect(coverage(topicWords(topic), text) >= minCoverage).toBe(answers);
  });

  it('leaves generic words and the office’s own names out of the topic', () => {
    expect([...topicWords('甘泉街道开展了哪些工作', ['甘泉']).words.keys()]).toEqual([]);
    expect(coverage(topicWords('街道工作'), '任何文字')).toBe(1);
  });

  it('weighs longer words more', () => {
    const t = topicWords('独居老人数据库');
    expect(coverage(t, '数据库')).toBeGreaterThan(coverage(t, '老人'));
  });
});
