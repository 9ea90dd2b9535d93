/**
 * Synthetic work reports for concurrency tests and benchmarks: deterministic in `n`, made of the seed
 * report's own sentences reshuffled under other offices and years, with the figures changed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../../server/paths.ts';
import type { Report } from '../../server/report/index.ts';
import { splitSentences } from '../../server/text/index.ts';
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

/** The offices of the synthetic district (`districtReport`): 20 streets and towns, each name distinct. */
export const districtOffices = [
  '定海路街道',
  '平凉路街道',
  '江浦路街道',
  '四平路街道',
  '控江路街道',
  '长白新村街道',
  '延吉新村街道',
  '殷行街道',
  '大桥街道',
  '五角场街道',
  '新江湾城街道',
  '长海路街道',
  '甘泉路街道',
  '宜川路街道',
  '石泉路街道',
  '长风新村街道',
  '曹杨新村街道',
  '真如镇街道',
  '长征镇',
  '桃浦镇',
];

/** A report of `org` for `year`, its sentences and figures drawn from `seed`; six parts of `paragraphs` paragraphs. */
function reportOf(seed: number, org: string, year: number, paragraphs: number, fileName: string): Report {
  const next = random(seed);
  const pick = () => sentences[Math.floor(next() * sentences.length)];
  const paragraph = () =>
    Array.from({ length: 2 + Math.floor(next() * 4) }, pick)
      .join('')
      .replace(/\d+(\.\d+)?/g, () => String(Math.floor(next() * 5000) + 1));
  return buildReport({
    title: `${org}${year}年工作总结`,
    org,
    year,
    fileName,
    preamble: [paragraph()],
    partsIntro: '主要开展了以下六方面工作:',
    parts: partTitles.map((title) => ({ title, paragraphs: Array.from({ length: paragraphs }, paragraph) })),
    closing: [paragraph()],
  });
}

/** Report n: org, year and text all derived from n; `paragraphs` paragraphs per part, six parts. */
export function syntheticReport(n: number, paragraphs = 3): Report {
  const org = `${places[n % places.length]}街道第${n}片区`;
  return reportOf(n + 1, org, 2000 + (n % 20), paragraphs, `synthetic-${n}.txt`);
}

/**
 * The report of office `office` (an index into `districtOffices`) for `year`, for the district
 * benchmark: deterministic, the office's own name in its title and org.
 * @example districtReport(5, 2020).title // '长白新村街道2020年工作总结'
 */
export function districtReport(office: number, year: number, paragraphs = 80): Report {
  const org = districtOffices[office];
  return reportOf(100_000 + office * 1000 + year, org, year, paragraphs, `${org}${year}.txt`);
}
