import { describe, expect, it } from 'vitest';
import { CitationBook } from '../../server/chat/citations.ts';
import { answeringHits, composeExtractive, composeNotFound } from '../../server/chat/extractive.ts';
import { understand } from '../../server/chat/question.ts';
import { topicWords } from '../../server/chat/relevance.ts';
import { hitsOf, seedSketch } from './hits.ts';

const context = { latestYear: 2016, orgs: ['甘泉路街道'] };
const seed = hitsOf(seedSketch);
const book = () => new CitationBook(new Map([[seed.report.id, seed.report]]));

function extract(question: string, order: string[]) {
  const u = understand(question, context);
  const hits = order.map((text) => seed.find(text));
  const b = book();
  return { text: composeExtractive(u, hits, topicWords(u.topic), b), citations: b.list() };
}

describe('composeExtractive', () => {
  it('quotes the best sentences, each cited, under its year', () => {
    const { text, citations } = extract('独居老人有哪些关爱措施?', ['独居老人', '帮困救助']);
    expect(text).toBe('2016年:建立甘泉社区独居老人动态数据库,组建“独居老人结对关爱联盟”[1]。');
    expect(citations).toEqual([expect.objectContaining({ n: 1, part: 1, paragraph: 1, section: 'part' })]);
  });

  it('says where the record first appears for a “when” question', () => {
    expect(extract('哪一年开始组建独居老人结对关爱联盟?', ['独居老人']).text).toMatch(
      /^语料中最早的相关记载见于2016年的报告。\n2016年:/,
    );
  });

  it('answers a definition question with the footnote that explains the term', () => {
    const { text, citations } = extract('“五违四必”具体指什么?', ['“五违”指', '“五违四必”[1]整治']);
    expect(text).toContain('“五违”指违法用地');
    expect(citations[0]).toMatchObject({ section: 'footnote', paragraph: 1 });
  });

  it('returns null when no passage covers the question', () => {
    expect(extract('街道的河长制工作如何开展?', ['独居老人', '帮困救助']).text).toBeNull();
  });

  it('returns null for a figure question whose passages state no figure on it', () => {
    expect(extract('2016年独居老人关爱联盟有多少名成员?', ['独居老人']).text).toBeNull();
  });

  it('keeps only passages that cover the question', () => {
    const u = understand('独居老人有哪些关爱措施?', context);
    const hits = answeringHits([seed.find('帮困救助'), seed.find('独居老人')], topicWords(u.topic));
    expect(hits.map((h) => h.text.slice(0, 8))).toEqual(['丰富为老服务内涵']);
  });
});

describe('composeNotFound', () => {
  it('says so and shows the closest passages, cited', () => {
    const b = book();
    const u = understand('2015年河长制工作如何开展?', context);
    const text = composeNotFound(u, [seed.find('拆除违法建筑')], b, {});
    expect(text.split('\n')[0]).toBe(
      '语料中没有找到能回答“2015年河长制工作如何开展”的内容(查找范围:2015年)。',
    );
    expect(text).toContain('[1] 《甘泉路街道2016年工作总结》(2016年)“五违四必”[1]整治圆满完成。');
    expect(b.list()).toHaveLength(1);
  });

  it('names the offices the corpus does cover', () => {
    const u = understand('长征镇拆除了多少违法建筑?', context);
    expect(composeNotFound(u, [], book(), { unknownOrg: { org: '长征镇', known: ['甘泉路街道'] } })).toBe(
      '语料中没有找到长征镇的报告或台账(现有语料来自:甘泉路街道),无法回答“长征镇拆除了多少违法建筑?”。',
    );
  });

  it('tells how to fill an empty corpus', () => {
    const u = understand('拆了多少?', context);
    expect(composeNotFound(u, [], book(), { emptyCorpus: true })).toContain('govdraft ingest');
  });
});
