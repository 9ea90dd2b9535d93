/**
 * Claim extraction: every checkable figure of a text with its exact span, value in base units,
 * kind, qualifier and subject — and none of the numbers that are not figures (years, house numbers,
 * ordinals, names, footnote marks, thresholds of definitions).
 */
import type { Span } from '../../text/index.ts';
import { foldTraditional, splitSentences } from '../../text/index.ts';
import { isChineseNumeralChar, isDigit, scanQuantity } from '../quantities/index.ts';
import type { Claim } from '../types.ts';
import { insideSpans, nonFigureReason, quotedNames } from './nonfigure.ts';
import { readRank } from './rank.ts';
import { subjectsOf } from './subject.ts';

/** A claim with what the checker needs beyond the public shape. */
export interface ExtractedClaim extends Claim {
  /** Every subject the figure must hold for (two for 安置率和自谋职业率均为100%). */
  subjects: string[];
  /** The subject came from the previous figure of the sentence (154处,9058平方米). */
  inherited: boolean;
  /** What a change compares with (同比, 比上年), '' when not written or not a change. */
  baseline: string;
  /** Where the number itself is written inside the span (for rewriting it). */
  numberStart: number;
  numberEnd: number;
  /** Start of the figure's wording, comparison base included (同比下降34% starts at 同). */
  lead: number;
}

/** A figure found before its subject is known. */
type Found = Omit<ExtractedClaim, 'subject' | 'subjects' | 'inherited' | 'sentenceStart' | 'sentenceEnd'>;

function startsNumber(ch: string): boolean {
  return isDigit(ch) || isChineseNumeralChar(ch);
}

/** Reads every figure in text order. */
function findFigures(text: string): Found[] {
  const quotes = quotedNames(text);
  const found: Found[] = [];
  const re = /[0-9０-９零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    // Read each run of numerals once, from its first character (四五 inside 十四五 is no number).
    if (at > 0 && startsNumber(text[at - 1]) && !text.startsWith('百分之', at)) continue;
    if (text[at - 1] === '第') {
      const rank = readRank(text, at - 1);
      if (rank && !insideSpans(quotes, rank.start, rank.end)) {
        found.push({
          start: rank.start,
          end: rank.end,
          text: text.slice(rank.start, rank.end),
          value: rank.value,
          unit: '名',
          low: rank.value,
          high: rank.value,
          qualifier: '',
          kind: 'rank',
          baseline: '',
          numberStart: rank.numberStart,
          numberEnd: rank.numberEnd,
          lead: rank.start,
        });
        re.lastIndex = rank.end;
        continue;
      }
    }
    const reading = scanQuantity(text, at);
    if (!reading) continue;
    re.lastIndex = Math.max(re.lastIndex, reading.numeral.end);
    if (nonFigureReason(text, reading, quotes)) continue;
    const previous = found[found.length - 1];
    if (previous && reading.start < previous.end) continue;
    re.lastIndex = reading.end;
    found.push({
      start: reading.start,
      end: reading.end,
      text: text.slice(reading.start, reading.end),
      value: reading.value,
      unit: reading.unit,
      low: reading.low,
      high: reading.high,
      qualifier: reading.qualifier,
      kind: reading.kind,
      baseline: reading.baseline,
      numberStart: reading.numeral.start,
      numberEnd: (reading.upper ?? reading.numeral).end,
      lead: reading.baselineStart,
    });
  }
  return found;
}

/**
 * Extracts the checkable figures of a text, in text order, with exact spans (UTF-16 offsets;
 * `text` === input.slice(start, end)), values in base units and the subject each counts.
 * @example extractClaims('全年共计拆除违法建筑154处,9058平方米。')
 * // [{ text: '154处', value: 154, unit: '处', subject: '拆除违法建筑', … },
 * //  { text: '9058平方米', value: 9058, unit: '平方米', subject: '拆除违法建筑', … }]
 */
export function extractClaims(original: string): ExtractedClaim[] {
  // Traditional characters are read as Simplified (same offsets); each claim's text stays as written.
  const text = foldTraditional(original);
  const figures = findFigures(text).map((f) => ({ ...f, text: original.slice(f.start, f.end) }));
  const claims: ExtractedClaim[] = [];
  // Sentences are split per line, and only on lines that hold figures.
  let lineEnd = -1;
  let sentences: Span[] = [];
  let s = 0;
  let i = 0;
  while (i < figures.length) {
    if (figures[i].start >= lineEnd) {
      const lineStart = text.lastIndexOf('\n', figures[i].start) + 1;
      const next = text.indexOf('\n', figures[i].start);
      lineEnd = next < 0 ? text.length : next;
      sentences = splitSentences(text, lineStart, lineEnd);
      s = 0;
    }
    while (s < sentences.length - 1 && sentences[s].end <= figures[i].start) s++;
    const sentence: Span = sentences[s] ?? { start: figures[i].start, end: figures[i].end };
    let j = i;
    while (j < figures.length && figures[j].start < sentence.end) j++;
    if (j === i) j = i + 1;
    const group = figures.slice(i, j);
    const subjects = subjectsOf(text, sentence, group);
    group.forEach((figure, k) => {
      claims.push({
        ...figure,
        subject: subjects[k].subject,
        subjects: subjects[k].subjects,
        inherited: subjects[k].inherited,
        sentenceStart: sentence.start,
        sentenceEnd: sentence.end,
      });
    });
    i = j;
  }
  return claims;
}
