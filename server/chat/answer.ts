/**
 * Chat: a conversation in, a cited answer out. `prepareChat` does all the store work (understand the
 * last turn against the history, ledger first, then passages, else an honest "not found") and so
 * fails before anything is streamed; `streamChat` then streams the answer — written by the model when
 * one is configured and passages answer, otherwise the offline answer — ending with a final event.
 */

import type { LedgerRecord } from '../figures/index.ts';
import { distinctOffices, officeLedger } from '../figures/index.ts';
import type { ChatModel } from '../models/index.ts';
import { modelError } from '../models/index.ts';
import type { Report } from '../report/index.ts';
import type { SearchHit } from '../retrieve/index.ts';
import type { ReportSummary, Store } from '../store/index.ts';
import { CitationBook } from './citations.ts';
import { composeDescriptive, descriptiveHits, isDescriptive } from './descriptive.ts';
import { answeringHits, composeExtractive, composeNotFound } from './extractive.ts';
import { resolveFollowUp } from './followup.ts';
import { composeLedgerAnswer, type LedgerPlan, planLedger, type Statement } from './ledger-answer.ts';
import { modelAnswer } from './model-answer.ts';
import { composeOfficeComparison, type OfficePlan, officesToCompare } from './office-comparison.ts';
import { closest, passagesFor, statementOf } from './passages.ts';
import { orgAliases, understand } from './question.ts';
import { topicWords } from './relevance.ts';
import type {
  AnswerFigure,
  AnswerMode,
  ChatAnswer,
  ChatCitation,
  ChatEvent,
  ChatFilters,
  ChatNotice,
  ChatTurn,
  Understanding,
} from './types.ts';

/** A chat request: the conversation so far (the last turn is the user's question) and optional scope. */
export interface ChatRequest {
  messages: ChatTurn[];
  filters?: ChatFilters;
}

/** An answer made without a model. */
export interface OfflineAnswer {
  text: string;
  citations: ChatCitation[];
  figures: AnswerFigure[];
  notices: ChatNotice[];
}

/** Everything known before streaming starts. */
export interface PreparedChat {
  understanding: Understanding;
  mode: AnswerMode;
  /** The complete offline answer: shown without a model, and when the model fails. */
  offline: OfflineAnswer;
  /** The passages that answer, for a model (mode 'passages'). */
  passages: SearchHit[];
  ledger: LedgerRecord[];
  reports: ReadonlyMap<string, Report>;
}

/** The reports of some passages, by id (for paragraph numbers in citations). */
async function reportsOf(store: Store, hits: SearchHit[], into: Map<string, Report>): Promise<void> {
  for (const id of new Set(hits.map((h) => h.chunk.reportId))) {
    if (into.has(id)) continue;
    const report = await store.getReport(id);
    if (report) into.set(id, report);
  }
}

/** Resolves every user turn in order, each against the one before: the last one is the question. */
function understandConversation(
  messages: ChatTurn[],
  context: Parameters<typeof understand>[1],
): Understanding {
  let current: Understanding | null = null;
  for (const turn of messages) {
    if (turn.role === 'user') current = resolveFollowUp(understand(turn.content, context), current);
  }
  if (!current) throw new Error('A chat request needs a user turn');
  return current;
}

const recordsOf = (plan: LedgerPlan): LedgerRecord[] => [
  ...plan.years.flatMap((y) => y.records),
  ...plan.changes,
  ...plan.elsewhere.flatMap((y) => y.records),
];

/**
 * Understands the question and finds its answer offline: ledger figures first, then passages, else
 * "not found" with the closest passages.
 */
export async function prepareChat(store: Store, request: ChatRequest): Promise<PreparedChat> {
  const [counts, summaries, wholeLedger] = await Promise.all([
    store.counts(),
    store.listReports(),
    store.queryLedger({}),
  ]);
  const present = summaries.map((s) => s.org);
  const ledgerOffices = distinctOffices(wholeLedger.map((r) => r.org));
  const orgs = distinctOffices([...present, ...ledgerOffices]);
  const u = understandConversation(request.messages, {
    latestYear: counts.years.at(-1) ?? null,
    orgs,
    filters: request.filters,
  });
  const compared = officesToCompare(u, ledgerOffices);
  // One office's rows only; several offices compared each get their own further down.
  const scope = officeLedger(wholeLedger, u.org, present);
  const ledger = compared.length > 0 ? [] : scope.records;
  const notices: ChatNotice[] =
    scope.notice && compared.length === 0
      ? [{ code: 'office', message_zh: scope.notice.zh, message_en: scope.notice.en }]
      : [];
  const reports = new Map<string, Report>();
  const book = new CitationBook(reports);
  const done = (
    mode: AnswerMode,
    text: string,
    extra: Partial<OfflineAnswer> = {},
    passages: SearchHit[] = [],
  ) => ({
    understanding: u,
    mode,
    offline: { text, citations: book.list(), figures: [], notices, ...extra },
    passages,
    ledger,
    reports,
  });
  const query = u.topic || u.question;

  if (counts.reports === 0 && counts.ledgerRecords === 0) {
    const notice: ChatNotice = {
      code: 'empty_corpus',
      message_zh: '语料库为空:请先导入往年报告和台账。',
      message_en: 'The corpus is empty: ingest reports and a ledger first',
    };
    return done('not_found', composeNotFound(u, [], book, { emptyCorpus: true }), { notices: [notice] });
  }
  if (u.orgUnknown && u.org) {
    const near = counts.reports > 0 ? await closest(store, query) : [];
    await reportsOf(store, near, reports);
    return done('not_found', composeNotFound(u, near, book, { unknownOrg: { org: u.org, known: orgs } }));
  }

  if (compared.length > 0) {
    const offices: OfficePlan[] = [];
    for (const office of compared) {
      const own = officeLedger(wholeLedger, office, present).records;
      const plan = planLedger({ ...u, org: office }, own);
      const statements = plan ? await statementsOf(store, plan, own, summaries, reports) : new Map();
      offices.push({ office, plan, statements });
    }
    if (offices.some((o) => o.plan)) {
      const answer = composeOfficeComparison(u, offices, book);
      return done('ledger', answer.text, { figures: answer.figures });
    }
  }
  const plan = planLedger(u, ledger);
  if (plan && !plan.missing) {
    const answer = composeLedgerAnswer(
      u,
      plan,
      await statementsOf(store, plan, ledger, summaries, reports),
      book,
    );
    return done('ledger', answer.text, { figures: answer.figures });
  }
  // Passages next; also when the ledger has nothing for the years asked (their report may still say it).
  const topic = topicWords(query, orgs.flatMap(orgAliases));
  const hits = counts.reports > 0 ? await passagesFor(store, u, query, topic) : [];
  await reportsOf(store, hits, reports);
  const descriptive = isDescriptive(u);
  const extractive = descriptive
    ? composeDescriptive(hits, topic, book)
    : composeExtractive(u, hits, topic, book);
  if (extractive) {
    const note = u.yearNote ? `(${u.yearNote})\n` : '';
    const answering = descriptive ? descriptiveHits(hits, topic) : answeringHits(hits, topic);
    return done('passages', `${note}${extractive}`, {}, answering);
  }
  if (plan) {
    // The ledger has the figure, only not for the years asked: say so and show the other years.
    const answer = composeLedgerAnswer(
      u,
      plan,
      await statementsOf(store, plan, ledger, summaries, reports),
      book,
    );
    return done('not_found', answer.text, { figures: answer.figures });
  }
  const near = hits.length > 0 ? hits.slice(0, 2) : counts.reports > 0 ? await closest(store, query) : [];
  await reportsOf(store, near, reports);
  return done('not_found', composeNotFound(u, near, book, {}));
}

/** The report sentences stating the figures of a plan (only years that have a report are searched). */
async function statementsOf(
  store: Store,
  plan: LedgerPlan,
  ledger: readonly LedgerRecord[],
  summaries: readonly ReportSummary[],
  reports: Map<string, Report>,
): Promise<Map<LedgerRecord, Statement>> {
  const reportYears = new Set(summaries.map((s) => s.year));
  const statements = new Map<LedgerRecord, Statement>();
  for (const record of recordsOf(plan)) {
    if (!reportYears.has(record.year)) continue;
    const statement = await statementOf(store, record, ledger);
    if (statement) statements.set(record, statement);
  }
  await reportsOf(
    store,
    [...statements.values()].map((s) => s.hit),
    reports,
  );
  return statements;
}

/** The offline text in pieces (a line or sentence each), so every answer streams the same way. */
function* pieces(text: string): Generator<ChatEvent> {
  for (const piece of text.split(/(?<=[。\n])/)) if (piece) yield { type: 'delta', text: piece };
}

/**
 * Streams the answer of a prepared chat. With a model and answering passages the model writes it
 * (checked figure by figure); if the model fails, the user is told and gets the offline answer.
 */
export async function* streamChat(
  prepared: PreparedChat,
  model: ChatModel | null,
  signal?: AbortSignal,
): AsyncGenerator<ChatEvent> {
  const { understanding, mode, offline } = prepared;
  const told = new Set<ChatNotice>();
  // Every notice is streamed once before the final event, which repeats them all.
  function* finish(answer: OfflineAnswer, by: string | null): Generator<ChatEvent> {
    for (const notice of answer.notices) if (!told.has(notice)) yield { type: 'notice', notice };
    yield {
      type: 'final',
      answer: {
        answer: answer.text,
        mode,
        citations: answer.citations,
        figures: answer.figures,
        notices: answer.notices,
        model: by,
        understanding,
      },
    };
  }
  if (model && mode === 'passages' && prepared.passages.length > 0) {
    yield { type: 'meta', understanding, mode, model: model.name };
    try {
      const book = new CitationBook(prepared.reports);
      const sources = { passages: prepared.passages, ledger: prepared.ledger };
      yield* finish(yield* modelAnswer(model, understanding, sources, book, signal), model.name);
      return;
    } catch (error) {
      if (signal?.aborted) throw error;
      const cause = modelError(error);
      const notice: ChatNotice = {
        code: 'model_failed',
        message_zh: `模型不可用(${cause.messageZh}),以下是离线检索得到的答案。`,
        message_en: `The model failed (${cause.message}); this is the offline answer`,
      };
      yield {
        type: 'restart',
        reason: 'fallback',
        message_zh: notice.message_zh,
        message_en: notice.message_en,
      };
      told.add(notice);
      yield { type: 'notice', notice };
      yield* pieces(offline.text);
      yield* finish({ ...offline, notices: [...offline.notices, notice] }, null);
      return;
    }
  }
  yield { type: 'meta', understanding, mode, model: null };
  yield* pieces(offline.text);
  yield* finish(offline, null);
}

/** Answers a chat request and returns only the final answer (CLI-free callers, evals, tests). */
export async function answerChat(
  store: Store,
  model: ChatModel | null,
  request: ChatRequest,
  signal?: AbortSignal,
): Promise<ChatAnswer> {
  const prepared = await prepareChat(store, request);
  for await (const event of streamChat(prepared, model, signal)) {
    if (event.type === 'final') return event.answer;
  }
  throw new Error('The chat stream ended without a final answer');
}
