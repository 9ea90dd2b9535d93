import type { Span } from './span.ts';

/** Closing quotes and brackets that belong to the sentence they end (。” stays with its sentence). */
// Full-width forms are written as escapes: some editors silently fold them to ASCII.
const closers = new Set(['\u201D', '\u2019', '\u300D', '\u300F', ')', '\uFF09', '\u3011', '"', "'"]);
const enders = new Set(['\u3002', '!', '?', '\uFF01', '\uFF1F', ';', '\uFF1B', '\n']);

/**
 * Splits text into sentence spans on 。!?; and line ends, keeping trailing closing quotes with the
 * sentence. Whitespace between sentences belongs to none; spans never include a newline.
 * @example splitSentences('丰富为老服务内涵。完成甘泉快捷照护站。') // [{start:0,end:9},{start:9,end:19}]
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let start = from;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (!enders.has(ch)) continue;
    let end = ch === '\n' ? i : i + 1;
    while (ch !== '\n' && end < to && closers.has(text[end])) end++;
    push(end);
    start = ch === '\n' ? i + 1 : end;
    i = start - 1;
  }
  push(to);
  return spans;
}
