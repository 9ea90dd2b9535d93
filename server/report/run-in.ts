/**
 * A heading run into its paragraph's first words: 加强领导。各单位… , 综合治理：全年排查… — a short
 * phrase ended by 。 ！ or a colon, with prose after it. Two short phrases around one comma are one
 * too (突出精准施策,全力以赴推动稳进提质。…). Pure.
 */
import { matchMarker } from './headings.ts';

/** A run-in heading's title and where the rest of the text starts (both relative to the body). */
export interface RunIn {
  title: string;
  /** End of the heading, its closing mark included. */
  end: number;
  /** Where the prose after it starts (spaces skipped). */
  rest: number;
}

const phrase = /^[^。!?\uFF01\uFF1F,\uFF0C;\uFF1B]{2,40}?[。!\uFF01:\uFF1A]/;
const twoPhrases =
  /^[^。!?\uFF01\uFF1F,\uFF0C;\uFF1B\d]{3,12}[,\uFF0C][^。!?\uFF01\uFF1F,\uFF0C;\uFF1B\d]{3,14}。/;
/** A short label ended by a colon: 综合治理： (no figure, no clause inside). */
const colonLabel = /^[^。!?\uFF01\uFF1F,\uFF0C;\uFF1B:\uFF1A\d]{2,16}[:\uFF1A]/;
const statementEnd = /[。!?;\uFF01\uFF1F\uFF1B]\s*$/;

/**
 * The run-in heading at the start of `body` (the text after a list marker), or null when nothing
 * follows it.
 * @example runInHeading('综合治理：全年排查化解矛盾纠纷312件。') // { title: '综合治理', end: 5, rest: 5 }
 */
export function runInHeading(body: string): RunIn | null {
  const m = phrase.exec(body) ?? twoPhrases.exec(body);
  if (!m) return null;
  let rest = m[0].length;
  while (rest < body.length && /\s/.test(body[rest])) rest++;
  if (rest >= body.length) return null;
  return { title: m[0].slice(0, -1).trim(), end: m[0].length, rest };
}

/**
 * True when a short marked line is a label and one statement rather than a heading: 综合治理：全年排查
 * 化解矛盾纠纷312件。 — a colon label followed by a sentence that ends as a statement does.
 * @example labelsAStatement('安全生产：开展安全生产检查860家次。') // true
 * @example labelsAStatement('坚持党建引领：筑牢基层战斗堡垒') // false
 */
export function labelsAStatement(body: string): boolean {
  const label = colonLabel.exec(body);
  if (!label) return false;
  const rest = body.slice(label[0].length).trim();
  return /\p{Script=Han}{4}/u.test(rest) && statementEnd.test(rest);
}

/** Bullets that open an item as a list marker does (◆文体活动：…). */
const bullet = /^[◆◇●○■□▲△★☆►▶•·\-—]+\s*/;

/**
 * The heading an item of a list opens with, run into its prose: a marker or bullet, then a run-in
 * heading (1.安全生产。今年…, ◆文体活动：举办…). Offsets are relative to `text`.
 * @example itemHeading('2.信访维稳。全年受理信访件92件。') // { title: '信访维稳', end: 7, rest: 7 }
 */
export function itemHeading(text: string): RunIn | null {
  const lead = matchMarker(text)?.bodyOffset ?? bullet.exec(text)?.[0].length ?? 0;
  if (lead === 0) return null;
  const runIn = runInHeading(text.slice(lead));
  // A heading says what the item is about; a whole clause before the stop is a sentence.
  if (!runIn || runIn.title.length > 16 || /\d/.test(runIn.title)) return null;
  return { title: runIn.title, end: lead + runIn.end, rest: lead + runIn.rest };
}
