/**
 * Grounded answers written by a chat model, through the one guarded-generation step: the passages go
 * in fenced and numbered, the answer streams out with each figure held until it is grounded (in a
 * cited passage or the ledger), an answer with an ungrounded figure is written once more with the
 * figures named, and otherwise — or when the model fails — the offline answer stands.
 */
import type { LedgerRecord } from '../figures/index.ts';
import { guardedGeneration, type Verdict } from '../guarded/index.ts';
import type { ChatModel } from '../models/index.ts';
import { neutralise, newFence, renderPrompt } from '../models/index.ts';
import type { SearchHit } from '../retrieve/index.ts';
import type { CitationBook } from './citations.ts';
import { fencedSources } from './fenced-sources.ts';
import {
  answerFigures,
  citedNumbers,
  type GroundedClaim,
  groundClaims,
  groundingJudge,
  isUngrounded,
  type NumberedText,
  removePromptLeak,
} from './grounding.ts';
import type { AnswerFigure, ChatCitation, ChatEvent, ChatNotice, Understanding } from './types.ts';

/** What a model answer ends with, once checked; `fallback` (with no text) when the offline answer stands. */
export type ModelOutcome =
  | { ok: true; text: string; citations: ChatCitation[]; figures: AnswerFigure[]; notices: ChatNotice[] }
  | { ok: false; notice: ChatNotice };

/** What the model answers from. */
export interface ModelSources {
  passages: SearchHit[];
  /** The ledger, for figures the passages do not state but the ledger supports. */
  ledger: readonly LedgerRecord[];
}

const ungroundedTexts = (grounded: GroundedClaim[]): string[] => [
  ...new Set(grounded.filter(isUngrounded).map((g) => `“${g.claim.text}”`)),
];

/** Drops references to passages that were never given ([7] when there are 4). */
function dropUnknownRefs(text: string, count: number): string {
  return text.replace(/\[(\d{1,3})\]/g, (whole, n: string) =>
    Number(n) >= 1 && Number(n) <= count ? whole : '',
  );
}

/** The grounding rule as the step's whole-answer guard: null when every figure is grounded. */
function groundingVerdict(
  passages: readonly NumberedText[],
  ledger: readonly LedgerRecord[],
  year: number | null,
): (answer: string) => Verdict | null {
  return (answer) => {
    const grounded = groundClaims(answer, passages, ledger, year);
    const figures = ungroundedTexts(grounded);
    if (figures.length === 0) return null;
    // People are told how many, never which: a refused figure is not shown anywhere on screen.
    const count = grounded.filter(isUngrounded).length;
    return {
      toModel: figures.join('、'),
      toPeople: `有${count}个数字在引用的资料和台账中找不到出处或与台账不符`,
      toEngineer: `figures ${figures.join(', ')} are not in the cited passages or contradict the ledger`,
    };
  };
}

/** The accepted answer checked once more: prompt leaks removed, citations listed (all when none). */
function finishAnswer(
  answer: string,
  system: string,
  numbered: readonly { n: number }[],
  grounded: GroundedClaim[],
  year: number | null,
  book: CitationBook,
): Extract<ModelOutcome, { ok: true }> {
  const notices: ChatNotice[] = [];
  let text = answer;
  let figures = answerFigures(grounded, year);
  const leak = removePromptLeak(text, system);
  if (leak.leaked) {
    text = leak.text;
    figures = figures.filter((f) => text.includes(f.text));
    notices.push({
      code: 'prompt_leak_removed',
      message_zh: '模型回答中复述了内部指令的内容\uFF0C已删除这些句子。',
      message_en: 'Removed sentences that repeated the system prompt',
    });
  }
  let cited = new Set(citedNumbers(text));
  if (cited.size === 0) {
    cited = new Set(numbered.map((p) => p.n));
    notices.push({
      code: 'uncited',
      message_zh: '模型回答没有标注引用编号\uFF0C以下列出提供给模型的全部段落。',
      message_en: 'The model cited no passage; all passages it was given are listed',
    });
  }
  return { ok: true, text, citations: book.list().filter((c) => cited.has(c.n)), figures, notices };
}

/**
 * Answers from passages with the model under the guard, streaming its text; returns the checked
 * answer, or the notice of a fallback (the caller then streams the offline answer).
 */
export async function* modelAnswer(
  model: ChatModel,
  u: Understanding,
  sources: ModelSources,
  book: CitationBook,
  signal?: AbortSignal,
): AsyncGenerator<ChatEvent, ModelOutcome> {
  const fence = newFence();
  const numbered = sources.passages.map((hit) => {
    const n = book.cite(hit);
    return { n, hit, paragraph: book.list()[n - 1].paragraph };
  });
  const vars = {
    question: neutralise(u.question, fence),
    fence: fence.id,
    sources: fencedSources(numbered, fence),
  };
  const messages = renderPrompt('chat-answer', vars);
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const passages = numbered.map(({ n, hit }) => ({ n, text: hit.text, year: hit.citation.year }));
  const year =
    u.years.length > 0 ? u.years[u.years.length - 1] : (sources.passages[0]?.citation.year ?? null);
  const result = yield* guardedGeneration(model, {
    messages: (refusal) =>
      refusal
        ? renderPrompt('chat-repair', {
            ...vars,
            answer: neutralise(refusal.answer, fence),
            figures: refusal.toModel,
          })
        : messages,
    judge: groundingJudge(passages, sources.ledger, year),
    guard: groundingVerdict(passages, sources.ledger, year),
    clean: (raw) => dropUnknownRefs(raw.trim(), numbered.length),
    fallback: '离线检索得到的答案',
    temperature: 0.1,
    signal,
  });
  if (!result.ok) {
    const { reason, message_zh, message_en } = result.fallback;
    return { ok: false, notice: { code: reason, message_zh, message_en } };
  }
  const grounded = groundClaims(result.text, passages, sources.ledger, year);
  return finishAnswer(result.text, system, numbered, grounded, year, book);
}
