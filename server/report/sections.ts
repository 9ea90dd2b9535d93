/**
 * Outer sections: reports that hold a review, its problems and next year's plan under 一、二、三、
 * (or unmarked lines such as 2020年工作回顾) with their parts under (一)… or 1.. Which heading level
 * groups and which one is the parts is decided per report: the outer level groups when its headings
 * are chapters (a year's review, 概述, 主要工作情况…) or unmarked review/plan lines; otherwise the
 * report reads as before, its outermost level being the parts.
 */
import type { Block } from './blocks.ts';
import { familyRank, isClosingHeading } from './headings.ts';
import type { HeadingCandidate } from './part-headings.ts';
import type { SectionKind } from './types.ts';

const problemsWords = /问题|不足|差距|短板|困难|薄弱/;
const planWords = /计划|思路|打算|安排|要点|设想|展望|下一步|今后|谋划|目标任务|工作重点/;
const yearWords = /(19|20)\d{2}\s*年|[一二][〇零一二三四五六七八九]{3}年/;

/**
 * What a section heading announces.
 * @example sectionKind('2024年工作思路') // 'plan'
 * @example sectionKind('存在的问题') // 'problems'
 * @example sectionKind('2023年工作回顾') // 'review'
 */
export function sectionKind(title: string): SectionKind {
  if (problemsWords.test(title) && !/成效|成绩|回顾/.test(title)) return 'problems';
  if (planWords.test(title) && !/回顾|总结|成效|完成情况/.test(title)) return 'plan';
  return 'review';
}

/** An unmarked review line: 2021年工作回顾, 2016年主要工作, 工作回顾. */
const reviewLine =
  /^((19|20)\d{2}\s*年|[一二][〇零一二三四五六七八九]{3}年)?(度)?(主要)?(工作)?(回顾|总结|情况|情況|成效|完成情况)$/;

/** True when a line without a marker heads a section (2021年工作回顾, 存在的问题, 2022年工作打算). */
export function isSectionLine(text: string): boolean {
  const line = text.trim().replace(/[:\uFF1A]$/, '');
  if (line.length < 4 || line.length > 20 || /[。!?\uFF01\uFF1F,\uFF0C;\uFF1B]/.test(line)) return false;
  return (reviewLine.test(line) && (yearWords.test(line) || line.includes('回顾'))) || isClosingHeading(line);
}

/** An unmarked section line as a heading candidate of its own family, 'line' (outermost). */
export function sectionLineCandidate(blocks: Block[], index: number): HeadingCandidate | null {
  const block = blocks[index];
  if (block.kind !== 'text' || block.level > 0 || !isSectionLine(block.text)) return null;
  return {
    block: index,
    family: 'line',
    number: 0,
    marker: '',
    title: block.text.trim().replace(/[:\uFF1A]$/, ''),
    span: { start: block.start, end: block.end },
    rest: null,
    closing: isClosingHeading(block.text),
  };
}

/** Titles of chapters rather than themes: 概述, 主要工作情况, 2022年工作成效… */
const chapterTitle =
  /(回顾|总结|概述|概况|基本情况|总体情况|工作情况|完成情况|情况汇报|主要工作|工作成效|主要成效|主要成绩|重点工作)$/;

/** True when a heading's words make it a chapter (概述, 2023年工作回顾, 存在的问题, 2024年工作思路). */
const chapterWords = (title: string): boolean => chapterTitle.test(title) || sectionKind(title) !== 'review';

/** The heading levels of a report: which family heads sections (if any) and which one the parts. */
export interface Levels {
  /** The family of section headings, or '' when the report has no sections. */
  outer: string;
  /** The family of the parts inside sections ('' when sections hold no headed parts). */
  inner: string;
}

const rankOf = (family: string): number => {
  if (family === 'line') return -100;
  if (family.startsWith('h')) return -50 + Number(family.slice(1));
  return familyRank.indexOf(family as (typeof familyRank)[number]);
};

/**
 * Chooses the levels: sections when the outermost family is unmarked section lines, when its first
 * heading is a chapter (by its year or its words) over a second level, or a chapter by its year and
 * its words on its own.
 */
export function chooseLevels(candidates: HeadingCandidate[]): Levels {
  const families = [...new Set(candidates.map((c) => c.family))].sort((a, b) => rankOf(a) - rankOf(b));
  const outer = families[0];
  if (outer === undefined) return { outer: '', inner: '' };
  const first = candidates.find((c) => c.family === outer);
  // Parts may come before an unmarked plan line ((一)…(六), then 2017年工作打算); under a marked
  // outer heading they come after it.
  const after = candidates.filter((c) => outer === 'line' || (first !== undefined && c.block > first.block));
  const inner = families.slice(1).find((f) => after.some((c) => c.family === f)) ?? '';
  const title = first?.title ?? '';
  // Over a second level a heading with a year is a chapter too (一、2022年重点工作成效和特色亮点工作);
  // alone, its words must say so, or a report of themes (一、2016年民生工作) would lose its parts.
  const sectioned =
    outer === 'line' ||
    (inner !== '' && (yearWords.test(title) || chapterWords(title))) ||
    (yearWords.test(title) && chapterWords(title));
  return sectioned ? { outer, inner } : { outer: '', inner: '' };
}
