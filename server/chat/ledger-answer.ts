/**
 * Numeric answers from the ledger: which records answer a question (planLedger), and the answer
 * written from them (composeLedgerAnswer) — each figure in the writer's form with its year, its
 * ledger row, the report sentence that states it, and cross-year changes computed and shown. Pure.
 */

import type { LedgerRecord } from '../figures/index.ts';
import { indexLedger, sameSeries } from '../figures/index.ts';
import type { CitationBook } from './citations.ts';
import { type Comparison, compared } from './computed-change.ts';
import { isSample, ledgerItem, type StatedFigure } from './ledger-item.ts';
import { findMetrics, ledgerYears, type MetricQuery } from './metrics.ts';
import type { AnswerFigure, Understanding } from './types.ts';

/** Records of one year that answer the question. */
export interface YearRecords {
  year: number;
  records: LedgerRecord[];
}

/** What the ledger holds for a question. */
export interface LedgerPlan {
  /** The years answered, ascending, with their records (none: the ledger has nothing that year). */
  years: YearRecords[];
  /** The ledger's own change rows (信访量同比变化) for the compared years. */
  changes: LedgerRecord[];
  comparisons: Comparison[];
  /** True when nothing was found for the years asked; `elsewhere` then holds what other years have. */
  missing: boolean;
  elsewhere: YearRecords[];
}

/** Where a report states a ledger figure. */
export interface Statement extends StatedFigure {
  /** The sentence stating it. */
  sentence: string;
}

/** A composed ledger answer. */
export interface LedgerAnswer {
  text: string;
  figures: AnswerFigure[];
}

function recordsByYear(ledger: readonly LedgerRecord[], query: MetricQuery): Map<number, LedgerRecord[]> {
  const out = new Map<number, LedgerRecord[]>();
  for (const year of ledgerYears(ledger)) {
    const found = findMetrics(ledger, query, year).map((m) => m.record);
    if (found.length > 0) out.set(year, found);
  }
  return out;
}

/**
 * The ledger records that answer a numeric question, or null when the question asks for no figure or
 * the ledger holds nothing like it in any year (the answer then comes from passages).
 */
export function planLedger(u: Understanding, ledger: readonly LedgerRecord[]): LedgerPlan | null {
  if (!u.numeric || u.asksWhen || u.orgUnknown || !u.topic) return null;
  const query: MetricQuery = {
    topic: u.topic,
    context: u.question,
    unit: u.unit,
    aspect: u.aspect === 'change' ? 'level' : u.aspect,
  };
  const levels = recordsByYear(ledger, query);
  const changeRows = u.compare
    ? recordsByYear(ledger, { ...query, unit: null, aspect: 'change' })
    : new Map<number, LedgerRecord[]>();
  if (levels.size === 0 && changeRows.size === 0) return null;

  const withData = [...new Set([...levels.keys(), ...changeRows.keys()])].sort((a, b) => a - b);
  const latest = withData[withData.length - 1];
  let asked = u.years;
  if (asked.length === 0) asked = u.compare ? [latest - 1, latest] : withData;
  // 比2016年少了多少? names only the base: compare it with the latest year that has the figure.
  else if (u.compare && asked.length === 1) {
    asked = latest > asked[0] ? [asked[0], latest] : [asked[0] - 1, asked[0]];
  }
  const years = asked.map((year) => ({ year, records: levels.get(year) ?? [] }));
  const changes = u.compare ? asked.slice(1).flatMap((year) => changeRows.get(year) ?? []) : [];
  const comparisons: Comparison[] = [];
  if (u.compare) {
    const index = indexLedger(ledger);
    for (let i = 1; i < years.length; i++) {
      for (const to of years[i].records) {
        const from = sameSeries(to, index, years[i - 1].year);
        if (from) comparisons.push({ metric: to.metric, from, to });
      }
    }
  }
  const missing = years.every((y) => y.records.length === 0) && changes.length === 0;
  const elsewhere = missing
    ? [...levels]
        .filter(([year]) => !asked.includes(year))
        .map(([year, records]) => ({ year, records }))
        .sort((a, b) => a.year - b.year)
    : [];
  return { years, changes, comparisons, missing, elsewhere };
}

const yearsText = (years: number[]): string =>
  years.length <= 2 ? years.map((y) => `${y}年`).join('和') : `${years[0]}—${years[years.length - 1]}年`;

/** The ledger rows an answer rests on, by file: ganquan-2016.csv 第14、15行. */
function rowsLine(records: LedgerRecord[]): string {
  const byFile = new Map<string, number[]>();
  for (const r of records) byFile.set(r.source.file, [...(byFile.get(r.source.file) ?? []), r.source.row]);
  return [...byFile]
    .map(([file, rows]) => `${file} 第${[...new Set(rows)].sort((x, y) => x - y).join('、')}行`)
    .join(';');
}

/** Writes one record into the answer (its figure and row noted) and returns its text. */
type Show = (record: LedgerRecord) => string;

/** The lines when nothing was found for the years asked: what other years hold instead. */
function missingLines(u: Understanding, plan: LedgerPlan, show: Show): string[] {
  const asked = plan.years.map((y) => y.year);
  const lines = [`语料中没有找到${asked.length > 0 ? yearsText(asked) : ''}“${u.topic}”的数据。`];
  if (plan.elsewhere.length > 0) {
    const parts = plan.elsewhere.map((y) => `${y.year}年${y.records.map(show).join(',')}`);
    lines.push(`台账中其他年度有:${parts.join(';')}。`);
  }
  return lines;
}

/** The lines of the years asked, then computed comparisons and the ledger's own change rows. */
function foundLines(u: Understanding, plan: LedgerPlan, show: Show, figures: AnswerFigure[]): string[] {
  const lines: string[] = [];
  const several = plan.years.find((y) => y.records.length > 1);
  if (several) {
    lines.push(
      `台账中与“${u.topic}”对应的指标有${several.records.length}项(${several.records.map((r) => r.metric).join('、')}),一并列出:`,
    );
  }
  for (const y of plan.years) {
    if (y.records.length > 0) lines.push(`${y.year}年,${y.records.map(show).join(',')}。`);
    else if (!plan.changes.some((r) => r.year === y.year) || !u.compare) {
      lines.push(`台账中没有${y.year}年“${u.topic}”的数据。`);
    }
  }
  for (const c of plan.comparisons) {
    const entry = compared(c);
    lines.push(entry.text);
    figures.push(...entry.figures);
  }
  for (const r of plan.changes) lines.push(`台账记载${r.year}年${show(r)}。`);
  if (u.compare && plan.comparisons.length === 0 && plan.changes.length === 0) {
    lines.push('台账中缺少可比的另一年度数据,无法计算变化。');
  }
  return lines;
}

/** The report sentences quoted for the records used, each with its citation. */
function quoteLine(
  used: readonly LedgerRecord[],
  statements: ReadonlyMap<LedgerRecord, Statement>,
  book: CitationBook,
): string | null {
  const quotes = [...new Set(used.map((r) => statements.get(r)).filter((s): s is Statement => !!s))];
  const sentences = new Map<string, number>();
  for (const s of quotes) sentences.set(s.sentence, book.cite(s.hit));
  if (sentences.size === 0) return null;
  return `报告原文:${[...sentences].map(([sentence, n]) => `“${sentence.replace(/[。;\uFF1B]$/, '')}”[${n}]`).join(';')}。`;
}

/**
 * Writes the answer of a ledger plan. `statements` maps records to the report sentences that state
 * them; `book` numbers the passages cited.
 */
export function composeLedgerAnswer(
  u: Understanding,
  plan: LedgerPlan,
  statements: ReadonlyMap<LedgerRecord, Statement>,
  book: CitationBook,
): LedgerAnswer {
  const figures: AnswerFigure[] = [];
  const used: LedgerRecord[] = [];
  const show: Show = (r) => {
    const entry = ledgerItem(r, statements.get(r), book);
    figures.push(entry.figure);
    used.push(r);
    return entry.text;
  };
  const lines: string[] = [];
  if (u.yearNote) lines.push(`(${u.yearNote.replace(/。$/, '')}。)`);
  lines.push(...(plan.missing ? missingLines(u, plan, show) : foundLines(u, plan, show, figures)));
  const quoted = quoteLine(used, statements, book);
  if (quoted) lines.push(quoted);
  if (used.length > 0) lines.push(`依据台账:${rowsLine(used)}。`);
  if (used.some(isSample)) lines.push('注:标有“示例数据”的台账行为虚构的演示数据,不是真实统计。');
  return { text: lines.join('\n'), figures };
}
