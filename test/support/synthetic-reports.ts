/**
 * Synthetic work reports for concurrency tests and benchmarks: deterministic in `n`, made of the seed
 * report's own sentences reshuffled under other offices and years, with the figures changed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../../server/paths.ts';
import type { Report } from '../../server/report/types.ts';
import { splitSentences } from '../../server/text/sentences.ts';
import { buildReport } from './report-builder.ts';

const seedText = readdirSync(join(corpusDir, 'reports'))
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(corpusDir, 'reports', name), 'utf8'))
  .join('\n');

/** Sentences of the bundled corpus long enough to read as report prose. */
const sentences = splitSentences(seedText)
  .map(({ start, end }) => seedText.slice(start, end))
  .filter((s) => s.length >= 12 && /。$/.test(s));

const partTitles = [
  '注重保障民生,公共服务能级提升',
  '补齐发展短板,公共管理走向精细',
  '建设平安社区,公共安全可控有序',
  '聚焦同心家园,自治共治水平提升',
  '深化品牌项目,社会事业充满活力',
  '转变政府职能,切实改进工作作风',
];
const places = ['甘泉路', '宜川路', '石泉路', '长风新村', '曹杨新村', '真如镇', '长征镇', '桃浦镇'];

/** mulberry32: a small seeded PRNG, so report n is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Report n: org, year and text all derived from n; `paragraphs` paragraphs per part, six parts. */
export function syntheticReport(n: number, paragraphs = 3): Report {
  const next = random(n + 1);
  const pick = () => sentences[Math.floor(next() * sentences.length)];
  const org = `${places[n % places.length]}街道第${n}片区`;
  const year = 2000 + (n % 20);
  const paragraph = () =>
    Array.from({ length: 2 + Math.floor(next() * 4) }, pick)
      .join('')
      .replace(/\d+(\.\d+)?/g, () => String(Math.floor(next() * 5000) + 1));
  return buildReport({
    title: `${org}${year}年工作总结`,
    org,
    year,
    fileName: `synthetic-${n}.txt`,
    preamble: [paragraph()],
    partsIntro: '主要开展了以下六方面工作:',
    parts: partTitles.map((title) => ({ title, paragraphs: Array.from({ length: paragraphs }, paragraph) })),
    closing: [paragraph()],
  });
}
