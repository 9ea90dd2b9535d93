/**
 * The words that make a number a change: a direction word (增长, 下降, 增幅为) before it and the
 * comparison base (同比, 比上年) before that.
 */

import { gapAt } from './numeral.ts';
import { wordEndingAt } from './word-at.ts';

/** Verbs and nouns that make the following number a change, with its sign. */
const directionWords: [string, 1 | -1][] = [
  ['增长', 1],
  ['增加', 1],
  ['上升', 1],
  ['提高', 1],
  ['提升', 1],
  ['增多', 1],
  ['上涨', 1],
  ['增幅', 1],
  ['涨幅', 1],
  ['增速', 1],
  ['下降', -1],
  ['减少', -1],
  ['降低', -1],
  ['回落', -1],
  ['下滑', -1],
  ['减小', -1],
  ['缩减', -1],
  ['降幅', -1],
  ['跌幅', -1],
];

const directionList = directionWords.map(([w]) => w);

/** Words that may stand between a direction word and its number (下降了34%, 增幅为12%). */
const directionLinks = ['了', '为', '是'];

/** What a change compares with, longest first. */
const baselines = [
  '比上年同期',
  '较上年同期',
  '比去年同期',
  '较去年同期',
  '与上年相比',
  '与去年相比',
  '比上一年',
  '较上一年',
  '比上年',
  '较上年',
  '比去年',
  '较去年',
  '同比',
  '环比',
];

/** Marks that end a clause: a baseline before one of them is another figure's. */
const clauseEnds = /[,;:!?。\uff0c\uff1b\uff1a\uff01\uff1f]/;

/** The baseline (同比, 比上年) written earlier in the clause that ends at `end`, or ''. */
function baselineInClause(text: string, end: number): string {
  let from = end;
  while (from > 0 && end - from < 40 && !clauseEnds.test(text[from - 1])) from--;
  const clause = text.slice(from, end);
  return baselines.find((b) => clause.includes(b)) ?? '';
}

/** The change written before a number: its sign and words, and where the figure and its baseline start. */
export interface ChangeWords {
  /** +1 / -1 when a direction word made the number a change, 0 for a level. */
  direction: -1 | 0 | 1;
  directionWord: string;
  baseline: string;
  /** Start of the figure: the direction word when there is one, else the `start` given. */
  start: number;
  baselineStart: number;
}

/**
 * Reads the direction word and baseline that end at `start` (the number, or the qualifier before
 * it). `qualified`: a qualifier stands at `start`, so no space is skipped; `negative`: a minus sign
 * was written, whose baseline may stand earlier in the clause (同比分别-3.5%、-12.8%).
 */
export function changeWordsBefore(
  text: string,
  start: number,
  qualified: boolean,
  negative: boolean,
): ChangeWords {
  let direction: -1 | 0 | 1 = 0;
  let directionWord = '';
  let link = start - (qualified ? 0 : gapAt(text, start - 1));
  const linkWord = wordEndingAt(text, link, directionLinks);
  if (linkWord) link -= linkWord.length;
  const dir = wordEndingAt(text, link, directionList);
  // 新增加 is a count of new things, not a change.
  if (dir && text[link - dir.length - 1] !== '新') {
    direction = directionWords.find(([w]) => w === dir)![1];
    directionWord = dir;
    start = link - dir.length;
    // 负增长3.5%: a growth written as negative is a fall.
    if (text[start - 1] === '负' && direction === 1) {
      direction = -1;
      directionWord = `负${dir}`;
      start--;
    }
  }
  let baselineStart = start;
  let baseline = '';
  if (direction !== 0) {
    const base = wordEndingAt(text, start, baselines) ?? wordEndingAt(text, start - 1, baselines);
    if (base) {
      baseline = base;
      baselineStart = text.lastIndexOf(base, start);
    }
  } else if (negative) {
    baseline = baselineInClause(text, start);
  }
  return { direction, directionWord, baseline, start, baselineStart };
}
