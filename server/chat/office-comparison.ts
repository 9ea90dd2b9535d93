/**
 * One metric across offices (各街道2023年拆除违法建筑分别是多少?): each office answered from its own
 * ledger rows only — the same plan and answer as a one-office question — one block per office, in
 * the order asked (or the ledger's order for 各…), each with its ledger rows cited. Pure.
 */
import type { LedgerRecord } from '../figures/index.ts';
import type { CitationBook } from './citations.ts';
import { composeLedgerAnswer, type LedgerAnswer, type LedgerPlan, type Statement } from './ledger-answer.ts';
import type { AnswerFigure, Understanding } from './types.ts';

/** One office's part of a comparison: its plan (null: its ledger has nothing like the topic). */
export interface OfficePlan {
  office: string;
  plan: LedgerPlan | null;
  statements: ReadonlyMap<LedgerRecord, Statement>;
}

/**
 * The offices a question compares: those it names, or every office with ledger rows (`ledgerOffices`)
 * when it asks about all of them — or names none while the ledger holds several.
 */
export function officesToCompare(u: Understanding, ledgerOffices: readonly string[]): string[] {
  if (Array.isArray(u.offices)) return u.offices;
  if (u.offices === 'all' || (u.org === null && ledgerOffices.length > 1)) return [...ledgerOffices];
  return [];
}

/** The answer listing each office with its own figures and ledger rows. */
export function composeOfficeComparison(
  u: Understanding,
  offices: readonly OfficePlan[],
  book: CitationBook,
): LedgerAnswer {
  const lines: string[] = [];
  const figures: AnswerFigure[] = [];
  if (u.yearNote) lines.push(`(${u.yearNote.replace(/。$/, '')}。)`);
  lines.push(`按单位分别列出“${u.topic}”（每个单位只用其本单位的台账）\uFF1A`);
  for (const { office, plan, statements } of offices) {
    if (!plan) {
      lines.push(`【${office}】台账中没有与“${u.topic}”对应的指标。`);
      continue;
    }
    const own = { ...u, org: office, yearNote: null };
    const answer = composeLedgerAnswer(own, plan, statements, book);
    lines.push(`【${office}】${answer.text}`);
    figures.push(...answer.figures);
  }
  return { text: lines.join('\n'), figures };
}
