/**
 * Chat's offline half: a conversation in, a cited answer out. `prepareChat` does all the store work
 * (understand the last turn against the history, ledger first, then passages, else an honest "not
 * found") and so fails before anything is streamed; stream-chat.ts then streams the answer.
 */

import type { LedgerRecord } from '../figures/index.ts';
import { distinctOffices, officeLedger } from '../figures/index.ts';
import type { Report } from '../report/index.ts';
import type { SearchHit } from '../retrieve/index.ts';
import type { ReportSummary, Store } from '../store/index.ts';
import { CitationBook } from './citations.ts';
import { composeDescriptive, descriptiveHits, isDescriptive } from './descriptive.ts';
import { answeringHits, composeExtractive, composeNotFound } from './extractive.ts';
import { resolveFollowUp } from './followup.ts';
import { composeLedgerAnswer, type LedgerPlan, planLedger, type Statement } from './ledger-answer.ts';
import { composeOfficeComparison, type OfficePlan, officesToCompare } from './office-comparison.ts';
import { closest, passagesFor, statementOf } from './passages.ts';
import { orgAliases, understand } from './question.ts';
import { topicWords } from './relevance.ts';
import type {
  AnswerFigure,
  AnswerMode,
  ChatCitation,
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

/** What finding an offline answer needs: the store, the question understood, the scope, the citation book. */
interface Context {
  store: Store;
  u: Understanding;
  counts: Awaited<ReturnType<Store['counts']>>;
  summaries: ReportSummary[];
  wholeLedger: LedgerRecord[];
  /** Offices with a stored report, and every office known (reports and ledger). */
  present: (string | null)[];
  orgs: string[];
  /** The ledger rows of the question's office ([] when offices are compared). */
  ledger: LedgerRecord[];
  reports: Map<string, Report>;
  book: CitationBook;
  query: string;
  done(mode: AnswerMode, text: string, extra?: Partial<OfflineAnswer>, passages?: SearchHit[]): PreparedChat;
}

/** The empty corpus or an office the corpus does not know: not found, with what there is. */
async function unanswerable(c: Context): Promise<PreparedChat | null> {
  if (c.counts.reports === 0 && c.counts.ledgerRecords === 0) {
    const notice: ChatNotice = {
      code: 'empty_corpus',
      message_zh: '语料库为空:请先导入往年报告和台账。',
      message_en: 'The corpus is empty: ingest reports and a ledger first',
    };
    return c.done('not_found', composeNotFound(c.u, [], c.book, { emptyCorpus: true }), {
      notices: [notice],
    });
  }
  if (!c.u.orgUnknown || !c.u.org) return null;
  const near = c.counts.reports > 0 ? await closest(c.store, c.query) : [];
  await reportsOf(c.store, near, c.reports);
  return c.done(
    'not_found',
    composeNotFound(c.u, near, c.book, { unknownOrg: { org: c.u.org, known: c.orgs } }),
  );
}

/** Several offices compared on one metric, each from its own ledger rows; null when none has it. */
async function comparison(c: Context, compared: string[]): Promise<PreparedChat | null> {
  const offices: OfficePlan[] = [];
  for (const office of compared) {
    const own = officeLedger(c.wholeLedger, office, c.present).records;
    const plan = planLedger({ ...c.u, org: office }, own);
    const statements = plan ? await statementsOf(c.store, plan, own, c.summaries, c.reports) : new Map();
    offices.push({ office, plan, statements });
  }
  if (!offices.some((o) => o.plan)) return null;
  const answer = composeOfficeComparison(c.u, offices, c.book);
  return c.done('ledger', answer.text, { figures: answer.figures });
}

/** The ledger's answer to a plan, with the report sentences stating its figures. */
async function ledgerAnswer(c: Context, plan: LedgerPlan, mode: AnswerMode): Promise<PreparedChat> {
  const statements = await statementsOf(c.store, plan, c.ledger, c.summaries, c.reports);
  const answer = composeLedgerAnswer(c.u, plan, statements, c.book);
  return c.done(mode, answer.text, { figures: answer.figures });
}

/** Ledger figures first, then passages, else "not found" with the closest passages. */
async function ledgerOrPassages(c: Context): Promise<PreparedChat> {
  const plan = planLedger(c.u, c.ledger);
  if (plan && !plan.missing) return ledgerAnswer(c, plan, 'ledger');
  // Passages next; also when the ledger has nothing for the years asked (their report may still say it).
  const topic = topicWords(c.query, c.orgs.flatMap(orgAliases));
  const hits = c.counts.reports > 0 ? await passagesFor(c.store, c.u, c.query, topic) : [];
  await reportsOf(c.store, hits, c.reports);
  const descriptive = isDescriptive(c.u);
  const extractive = descriptive
    ? composeDescriptive(hits, topic, c.book)
    : composeExtractive(c.u, hits, topic, c.book);
  if (extractive) {
    const note = c.u.yearNote ? `(${c.u.yearNote})\n` : '';
    const answering = descriptive ? descriptiveHits(hits, topic) : answeringHits(hits, topic);
    return c.done('passages', `${note}${extractive}`, {}, answering);
  }
  // The ledger has the figure, only not for the years asked: say so and show the other years.
  if (plan) return ledgerAnswer(c, plan, 'not_found');
  const near =
    hits.length > 0 ? hits.slice(0, 2) : c.counts.reports > 0 ? await closest(c.store, c.query) : [];
  await reportsOf(c.store, near, c.reports);
  return c.done('not_found', composeNotFound(c.u, near, c.book, {}));
}

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
  // One office's rows only; several offices compared each get their own (comparison()).
  const scope = officeLedger(wholeLedger, u.org, present);
  const ledger = compared.length > 0 ? [] : scope.records;
  const notices: ChatNotice[] =
    scope.notice && compared.length === 0
      ? [{ code: 'office', message_zh: scope.notice.zh, message_en: scope.notice.en }]
      : [];
  const reports = new Map<string, Report>();
  const book = new CitationBook(reports);
  const c: Context = {
    store,
    u,
    counts,
    summaries,
    wholeLedger,
    present,
    orgs,
    ledger,
    reports,
    book,
    query: u.topic || u.question,
    done: (mode, text, extra = {}, passages = []) => ({
      understanding: u,
      mode,
      offline: { text, citations: book.list(), figures: [], notices, ...extra },
      passages,
      ledger,
      reports,
    }),
  };
  return (
    (await unanswerable(c)) ??
    (compared.length > 0 ? await comparison(c, compared) : null) ??
    (await ledgerOrPassages(c))
  );
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
