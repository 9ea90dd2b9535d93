/**
 * Part titles in the genre's parallel-couplet style (注重保障民生,公共服务能级提升), proposed by the
 * model from each part's topic sentences under the guarded step; titles with figures, years or the
 * wrong count are refused (asked once more, then last year's titles stand).
 */
import { extractClaims } from '../figures/index.ts';
import { guardedText, type Verdict } from '../guarded/index.ts';
import type { ChatModel } from '../models/index.ts';
import { fenced, newFence, renderPrompt } from '../models/index.ts';
import type { Draft, DraftPath, DraftWarning } from './types.ts';

/** A proposed title for one part. */
export interface PartTitle {
  partId: string;
  title: string;
  previous: string;
}

/** Longest title accepted, in characters. */
const maxTitleLength = 32;

/** The titles in an answer, one a line, markers and numbering stripped. */
export function parseTitles(answer: string): string[] {
  return answer
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/^[-*\d.、\s]+/, '')
        .replace(/^[(（][一二三四五六七八九十]+[)）]\s*|^[一二三四五六七八九十]+、\s*/, '')
        .replace(/^[“"]|[”"]$/g, '')
        .trim(),
    )
    .filter((line) => line.length > 0);
}

/** Why a list of titles is refused, or '' when it is fine. */
export function titlesProblem(titles: readonly string[], count: number): string {
  if (titles.length !== count) return `应为${count}行小标题,实际为${titles.length}行`;
  const long = titles.find((t) => t.length > maxTitleLength);
  if (long) return `小标题“${long}”超过${maxTitleLength}个字`;
  const numbered = titles.find((t) => /[0-9０-９]/.test(t) || extractClaims(t).length > 0);
  if (numbered) return `小标题“${numbered}”含有数字`;
  return '';
}

/** The title rule as the guarded step's whole-answer guard: null when the titles are fine. */
function titlesVerdict(count: number): (answer: string) => Verdict | null {
  return (answer) => {
    const problem = titlesProblem(parseTitles(answer), count);
    return problem ? { toModel: problem, toPeople: problem, toEngineer: `titles refused: ${problem}` } : null;
  };
}

/**
 * Proposes part titles with the model through the one guarded-generation step; without a model, or
 * when its answers are refused (asked once more) or it fails, last year's titles stand (path
 * carry-forward) with a warning saying why.
 */
export async function proposePartTitles(
  draft: Draft,
  model: ChatModel | null,
  signal?: AbortSignal,
): Promise<{ titles: PartTitle[]; path: DraftPath; warnings: DraftWarning[] }> {
  const keep = draft.parts.map((p) => ({ partId: p.id, title: p.title, previous: p.title }));
  if (!model || draft.parts.length === 0) return { titles: keep, path: 'carry-forward', warnings: [] };
  const fence = newFence();
  const parts = draft.parts
    .map((p, i) => {
      const topics = p.paragraphs.map((q) => q.topic ?? q.text.slice(0, 40)).join(' ');
      return `${i + 1}. 原小标题:${p.title}\n   各段主题:${topics}`;
    })
    .join('\n');
  const result = await guardedText(model, {
    messages: (refusal) =>
      renderPrompt('part-titles', {
        fence_open: fence.open,
        fence_close: fence.close,
        count: String(draft.parts.length),
        parts: fenced(fence, parts),
        violation: refusal ? `\n注意:你上一次的输出不合要求——${refusal.toModel}。请重新输出。` : '',
      }),
    // A title holds no figure at all: none is worth showing.
    judge: () => 'hide',
    guard: titlesVerdict(draft.parts.length),
    fallback: '上年的小标题',
    signal,
  });
  if (!result.ok) {
    const { reason, message_zh, message_en } = result.fallback;
    return { titles: keep, path: 'carry-forward', warnings: [{ code: reason, message_zh, message_en }] };
  }
  const titles = parseTitles(result.text);
  return {
    titles: draft.parts.map((p, i) => ({ partId: p.id, title: titles[i], previous: p.title })),
    path: 'model',
    warnings: [],
  };
}
