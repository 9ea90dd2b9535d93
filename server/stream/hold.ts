/**
 * Holding figures back in a stream of model text until they are verified. Words pass as they come;
 * from the first digit or Chinese numeral the text is held until the quantity has ended (a
 * punctuation mark, a space or a bracket after it, enough text after it to hold any unit, or the end
 * of the stream), then every figure the figures engine reads there is put to a judge — the same
 * guard that judges the whole answer — and released as written, or replaced by a mark when rejected.
 * A rejected figure never leaves. Pure: the async wrapper is in stream.ts.
 */
import { type ExtractedClaim, extractClaims, isChineseNumeralChar, isDigit } from '../figures/index.ts';

/** A judge's word on one figure: show it, hide it, or wait for more text. */
export type FigureDecision = 'show' | 'hide' | 'wait';

/**
 * Judges one figure of the text streamed so far (`figure`'s offsets are into `text`). When `done`,
 * the stream has ended and the judge must decide ('wait' then counts as 'hide').
 */
export type FigureJudge = (text: string, figure: ExtractedClaim, done: boolean) => FigureDecision;

/** What stands on screen where a figure was rejected. */
export const withheldMark = '【数字已删除】';

/** Characters after which no quantity goes on: punctuation, spaces, brackets, quotes (escapes: editors fold them). */
const boundary =
  /[\s,.;:!?()[\]<>"'\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF01\uFF1F\uFF08\uFF09\u3010\u3011\u3016\u3017\u201C\u201D\u2018\u2019\u300A\u300B\u2026\u2014]/;
/** Characters after a number enough for any unit and qualifier (万平方米, 余人次, 个百分点左右). */
const lookahead = 8;

const startsNumber = (ch: string): boolean => isDigit(ch) || isChineseNumeralChar(ch);

/** End of the numeral run starting at `start`, or null when the text so far cannot tell. */
function runEnd(text: string, start: number, done: boolean): number | null {
  let i = start;
  while (i < text.length) {
    if (startsNumber(text[i])) i++;
    else if (/[.,\uFF0E]/.test(text[i]) && i + 1 === text.length && !done) return null;
    else if (/[.,\uFF0E]/.test(text[i]) && isDigit(text[i + 1])) i++;
    else break;
  }
  return i === text.length && !done ? null : i;
}

/** Where the text after a run is enough to read the quantity (exclusive), or null to wait. */
function decidable(text: string, run: number, done: boolean): number | null {
  for (let i = run; i < text.length && i < run + lookahead; i++) if (boundary.test(text[i])) return i + 1;
  if (text.length - run >= lookahead) return run + lookahead;
  return done ? text.length : null;
}

/** Text released by one step: what to show, how far into the raw text it goes, and why it stopped. */
export interface Step {
  shown: string;
  to: number;
  /** Stopped because the judge waits: asking again makes sense once a boundary character has come. */
  waiting: boolean;
}

/** True when a chunk holds a character after which a judge's 'wait' may change (punctuation, a bracket). */
export const endsQuantity = (chunk: string): boolean => boundary.test(chunk);

/** Judges the figures over the run [start, run) and releases them; 'more' to wait for text, 'wait' for the judge. */
function releaseRun(
  text: string,
  start: number,
  run: number,
  judge: FigureJudge,
  done: boolean,
): { shown: string; to: number } | 'more' | 'wait' {
  const until = decidable(text, run, done);
  if (until === null) return 'more';
  const figures = extractClaims(text.slice(0, until)).filter((c) => c.start < run && c.end > start);
  if (figures.length === 0) return { shown: text.slice(start, run), to: run };
  const decisions = figures.map((f) => judge(text, f, done));
  if (!done && decisions.includes('wait')) return 'wait';
  let shown = '';
  let cursor = start;
  figures.forEach((figure, i) => {
    const from = Math.max(cursor, figure.start);
    shown +=
      text.slice(cursor, from) + (decisions[i] === 'show' ? text.slice(from, figure.end) : withheldMark);
    cursor = Math.max(cursor, figure.end);
  });
  return { shown, to: Math.max(cursor, run) };
}

/**
 * What of `text` can be shown from `from` on: words up to the next numeral, then each run of
 * numerals once its figures are judged; stops where the text so far cannot decide.
 * @example release('全年累计完成1', 0, judge, false) // { shown: '全年累计完成', to: 6, waiting: false }
 */
export function release(text: string, from: number, judge: FigureJudge, done: boolean): Step {
  let shown = '';
  let at = from;
  while (at < text.length) {
    let start = at;
    while (start < text.length && !startsNumber(text[start])) start++;
    shown += text.slice(at, start);
    at = start;
    if (start === text.length) break;
    const run = runEnd(text, start, done);
    const step = run === null ? 'more' : releaseRun(text, start, run, judge, done);
    if (step === 'more' || step === 'wait') return { shown, to: at, waiting: step === 'wait' };
    shown += step.shown;
    at = step.to;
  }
  return { shown, to: at, waiting: false };
}
