/** Ranks: 名列全区第一, 全市排名第三 — an ordinal that is a checkable figure. */
import { readNumeral } from '../quantities/index.ts';

/** A rank read from text. */
export interface RankReading {
  /** Span from the scope (全区) or from 第 to the end of the rank (第一名). */
  start: number;
  end: number;
  value: number;
  /** Where the number itself is written (for rewriting it). */
  numberStart: number;
  numberEnd: number;
}

const scopes = [
  '全区各街镇',
  '同类街镇',
  '全街道',
  '全街镇',
  '各街镇',
  '全系统',
  '系统内',
  '全国',
  '全省',
  '全市',
  '全区',
  '全县',
  '全镇',
];
const rankVerbs = ['名列', '位列', '排名', '位居', '排在', '排位'];

function endingAt(text: string, end: number, words: readonly string[]): string | null {
  for (const w of words) if (end >= w.length && text.startsWith(w, end - w.length)) return w;
  return null;
}

/**
 * Reads a rank at `at` (the position of 第), or null when the ordinal there is not a rank
 * (第五批, 第一个责任区): a rank needs a scope (全区) or a ranking verb (名列, 排名) before it.
 * @example readRank('名列全区第一', 4) // { start: 2, end: 6, value: 1, … }
 */
export function readRank(text: string, at: number): RankReading | null {
  let cursor = at;
  const ranking = endingAt(text, cursor, ['排名', '排位']);
  if (ranking) cursor -= ranking.length;
  const scope = endingAt(text, cursor, scopes);
  const scopeStart = scope ? cursor - scope.length : at;
  const verb = ranking ?? endingAt(text, scopeStart, rankVerbs) ?? endingAt(text, at, rankVerbs);
  if (!scope && !verb) return null;
  if (text[at] !== '第') return null;
  const numeral = readNumeral(text, at + 1);
  if (!numeral || numeral.style.decimals > 0 || numeral.value < 1) return null;
  // 第一个责任区 names a thing; a rank ends the phrase or is followed by 名/位.
  let end = numeral.end;
  if (text[end] === '名' || text[end] === '位') end++;
  else if (/[\p{Script=Han}]/u.test(text[end] ?? '') && !'的'.includes(text[end])) return null;
  return { start: scopeStart, end, value: numeral.value, numberStart: numeral.start, numberEnd: numeral.end };
}
