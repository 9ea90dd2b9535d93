/**
 * Grounded answers written by a chat model: the passages go in fenced and numbered, the answer
 * streams out, then every figure in it is checked; an answer with an ungrounded figure is
 * regenerated once with the figures named, and what is still ungrounded is removed and the user told.
 */
import type { LedgerRecord } from '../figures/index.ts';
import type { ChatMessage, ChatModel } from '../models/index.ts';
import { neutralise, newFence, renderPrompt } from '../models/index.ts';
import type { SearchHit } from '../retrieve/index.ts';
import { type FigureJudge, holdFigures } from '../stream/index.ts';
import type { CitationBook } from './citations.ts';
import { fencedSources } from './fenced-sources.ts';
import {
  answerFigures,
  citedNumbers,
  type GroundedClaim,
  groundClaims,
  groundingJudge,
  isUngrounded,
  removedMark,
  removePromptLeak,
  removeUngrounded,
} from './grounding.ts';
import type { AnswerFigure, ChatCitation, ChatEvent, ChatNotice, Understanding } from './types.ts';

/** What a model answer ends with, once checked. */
export interface ModelOutcome {
  text: string;
  citations: ChatCitation[];
  figures: AnswerFigure[];
  notices: ChatNotice[];
}

/** What the model answers from. */
export interface ModelSources {
  passages: SearchHit[];
  /** The ledger, for figures the passages do not state but the ledger supports. */
  ledger: readonly LedgerRecord[];
}

/**
 * Streams one model attempt as chat events, each figure held back until `judge` grounds it, and
 * returns the model's text (text of failed attempts dropped).
 */
async function* attempt(
  model: ChatModel,
  messages: ChatMessage[],
  judge: FigureJudge,
  signal: AbortSignal | undefined,
): AsyncGenerator<ChatEvent, string> {
  const held = holdFigures(model.stream(messages, { signal, temperature: 0.1 }), judge);
  for (let step = await held.next(); ; step = await held.next()) {
    if (step.done) return step.value.trim();
    const event = step.value;
    if (event.type === 'delta') {
      yield { type: 'delta', text: event.text };
      continue;
    }
    yield {
      type: 'restart',
      reason: 'model_retry',
      message_zh: `${event.message_zh},正在重试(第${event.attempt}次)`,
      message_en: `${event.message_en}; retrying (attempt ${event.attempt})`,
    };
  }
}

const listFigures = (grounded: GroundedClaim[]): string =>
  [...new Set(grounded.filter(isUngrounded).map((g) => `“${g.claim.text}”`))].join('、');

const countUngrounded = (grounded: GroundedClaim[]): number => grounded.filter(isUngrounded).length;

/** Drops references to passages that were never given ([7] when there are 4). */
function dropUnknownRefs(text: string, count: number): string {
  return text.replace(/\[(\d{1,3})\]/g, (whole, n: string) =>
    Number(n) >= 1 && Number(n) <= count ? whole : '',
  );
}

/**
 * Answers from passages with the model, streaming its text; returns the checked answer. Throws the
 * model's GovdraftError when it fails for good (the caller falls back to the offline answer).
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
  const notices: ChatNotice[] = [];

  const judge = groundingJudge(passages, sources.ledger, year);
  let text = dropUnknownRefs(yield* attempt(model, messages, judge, signal), numbered.length);
  let grounded = groundClaims(text, passages, sources.ledger, year);
  if (grounded.some(isUngrounded)) {
    const figures = listFigures(grounded);
    // People are told how many, never which: a rejected figure is not shown anywhere on screen.
    yield {
      type: 'restart',
      reason: 'repair',
      message_zh: `回答中有${countUngrounded(grounded)}个数字在引用的资料中找不到出处或与台账不符\uFF0C正在重新生成`,
      message_en: `Figures ${figures} are not in the cited passages or contradict the ledger; regenerating once`,
    };
    const repair = renderPrompt('chat-repair', { ...vars, answer: neutralise(text, fence), figures });
    text = dropUnknownRefs(yield* attempt(model, repair, judge, signal), numbered.length);
    grounded = groundClaims(text, passages, sources.ledger, year);
    if (grounded.some(isUngrounded)) {
      const removed = listFigures(grounded);
      text = removeUngrounded(text, grounded);
      notices.push({
        code: 'number_removed',
        message_zh: `模型回答中有${countUngrounded(grounded)}个数字在引用的资料和台账中找不到出处或与台账不符\uFF0C已删除\uFF08以${removedMark}标出\uFF09。`,
        message_en: `Removed figures the sources do not hold or the ledger contradicts: ${removed}`,
      });
    } else {
      notices.push({
        code: 'repaired',
        message_zh: '模型第一次回答中有数字没有出处或与台账不符\uFF0C已重新生成。',
        message_en: `The first answer had ungrounded figures (${figures}); regenerated`,
      });
    }
  }
  let figures = answerFigures(grounded, year);
  const leak = removePromptLeak(text, system);
  if (leak.leaked) {
    text = leak.text;
    figures = figures.filter((f) => !f.grounded || text.includes(f.text));
    notices.push({
      code: 'prompt_leak_removed',
      message_zh: '模型回答中复述了内部指令的内容,已删除这些句子。',
      message_en: 'Removed sentences that repeated the system prompt',
    });
  }
  let cited = new Set(citedNumbers(text));
  if (cited.size === 0) {
    cited = new Set(numbered.map((p) => p.n));
    notices.push({
      code: 'uncited',
      message_zh: '模型回答没有标注引用编号,以下列出提供给模型的全部段落。',
      message_en: 'The model cited no passage; all passages it was given are listed',
    });
  }
  return {
    text,
    citations: book.list().filter((c) => cited.has(c.n)),
    figures,
    notices,
  };
}
