/**
 * One paragraph of last year's structure rewritten from this year's materials: last year's topic
 * sentence opens it (丰富为老服务内涵。), each material sentence takes the place of last year's
 * sentence it speaks to (same metric, or most of its words) and that sentence goes, as does one whose
 * every ledger figure the materials state; last year's
 * sentences no material supports stay where they were — unmarked when the ledger gave all their
 * figures for this year, else marked 〖沿用上年·待更新：…〗 — and sentences that speak to none come
 * last. Every sentence gets its trace. Pure.
 */

import type { LedgerRecord } from '../figures/index.ts';
import { carriedOverMark, countPending, markable, rewriteSpans } from '../marks/index.ts';
import type { Span } from '../text/index.ts';
import { splitSentences } from '../text/index.ts';
import { gramsOf, type Vocabulary } from './assemble-fit.ts';
import type { ReadySentence } from './assemble-sentences.ts';
import { figuresIn, ledgerSources } from './trace.ts';
import type { SentenceTrace, TraceSource } from './trace-types.ts';
import type { DraftFigure, DraftParagraph } from './types.ts';

/** Share of last year's sentence a material sentence must cover to take its place. */
const minSupport = 0.35;

/** A sentence of a new paragraph before it is written out. */
export interface Piece {
  text: string;
  figures: DraftFigure[];
  trace: Omit<SentenceTrace, 'start' | 'end' | 'text'>;
  /** Where it stands: last year's sentence index it speaks to (Infinity: after all). */
  at: number;
  order: number;
}

/** The material source of a sentence (and of the near-duplicates folded into it). */
function materialSources(s: ReadySentence): TraceSource[] {
  return [s.chunk, ...s.merged].map((c) => ({
    kind: 'material',
    materialId: c.materialId,
    fileName: c.fileName,
    department: c.department,
    paragraph: c.paragraph,
    sentence: c.sentence,
    text: c.text,
  }));
}

/** Last year's sentence a material sentence speaks to, or null: a shared metric first, else most words. */
function anchorOf(
  s: ReadySentence,
  olds: readonly { grams: Set<string>; metrics: string[] }[],
  vocabulary: Vocabulary,
): number | null {
  const byMetric = olds.findIndex((o) => o.metrics.some((m) => s.metrics.includes(m)));
  if (byMetric >= 0) return byMetric;
  const own = gramsOf(s.text);
  let best: number | null = null;
  let bestShare = minSupport;
  olds.forEach((o, i) => {
    const share = Math.max(vocabulary.share(o.grams, own), vocabulary.share(own, o.grams));
    if (share >= bestShare) {
      best = i;
      bestShare = share;
    }
  });
  return best;
}

/** Last year's sentence carried as it is, or marked when nothing of this year backs it. */
function oldPiece(
  paragraph: DraftParagraph,
  span: Span,
  index: number,
  sources: TraceSource[],
  topic: boolean,
): Piece {
  const text = paragraph.text.slice(span.start, span.end);
  const figures = figuresIn(paragraph.figures, span);
  const ledgerBacked =
    figures.length > 0 && figures.every((f) => f.status === 'updated' || f.status === 'recomputed');
  const end = /[\u3002!?;\uFF01\uFF1F\uFF1B]$/.test(text) ? text.length - 1 : text.length;
  const body = text.slice(0, end);
  const mark = !topic && !ledgerBacked && rewriteSpans(text).length === 0 && markable(body);
  const notes = topic
    ? ['上年主题句']
    : mark
      ? ['今年材料中没有相应内容\uFF0C沿用上年表述\uFF0C待更新']
      : ledgerBacked
        ? ['沿用上年表述\uFF0C数字按今年台账更新']
        : [];
  const shift = mark ? carriedOverMark('').length - 1 : 0;
  return {
    text: mark ? `${carriedOverMark(body)}${text.slice(end)}` : text,
    figures: figures.map((f) => ({ ...f, start: f.start + shift, end: f.end + shift })),
    trace: { origin: 'carried', sources, notes },
    at: index,
    order: 1,
  };
}

/**
 * The paragraph rebuilt with the material sentences given to it (in material order). `ledger` and
 * `year` name the ledger rows of figures; with no sentence given, only last year's sentences are
 * marked where nothing backs them.
 */
export function composeParagraph(
  paragraph: DraftParagraph,
  given: readonly ReadySentence[],
  vocabulary: Vocabulary,
  ledger: readonly LedgerRecord[],
  year: number,
): DraftParagraph {
  const spans = splitSentences(paragraph.text);
  const hasTopic = paragraph.topic !== null && paragraph.text.startsWith(paragraph.topic);
  const before = paragraph.sourceText ? splitSentences(paragraph.sourceText) : [];
  const previous = (i: number): TraceSource[] =>
    paragraph.sourceParagraph === null || paragraph.sourceText === null
      ? []
      : [
          {
            kind: 'previous',
            paragraph: paragraph.sourceParagraph,
            text:
              before.length === spans.length
                ? paragraph.sourceText.slice(before[i].start, before[i].end)
                : paragraph.sourceText,
          },
        ];
  const olds = spans.map((span) => {
    const figures = figuresIn(paragraph.figures, span);
    const metrics = figures.flatMap((f) => (f.metric && f.status !== 'pending' ? f.metric.split('、') : []));
    // Every figure of the sentence has this year's ledger value (none left for the writer to find).
    const settled = figures.every((f) => f.metric && f.status !== 'pending');
    return { grams: gramsOf(paragraph.text.slice(span.start, span.end)), metrics, settled };
  });
  const first = hasTopic ? 1 : 0;
  const anchors = given.map((s) => {
    const at = anchorOf(s, olds.slice(first), vocabulary);
    return at === null ? null : at + first;
  });
  const replaced = new Set(anchors.filter((a): a is number => a !== null));
  // Last year's sentence whose every figure is a ledger figure a material sentence states goes too:
  // kept, it would say the same thing twice (新引进企业8家 after the material's 新增企业138家，新引进企业8家).
  const stated = new Set(given.flatMap((s) => s.metrics));
  olds.forEach((o, i) => {
    if (i >= first && o.settled && o.metrics.length > 0 && o.metrics.every((m) => stated.has(m)))
      replaced.add(i);
  });
  // A sentence that speaks to none of last year's follows the one before it from its material paragraph.
  const sameParagraph = (a: ReadySentence, b: ReadySentence) =>
    a.chunk.materialId === b.chunk.materialId && a.chunk.paragraph === b.chunk.paragraph;
  const follows = new Set<number>();
  given.forEach((s, k) => {
    if (anchors[k] !== null) return;
    const before = given.findLastIndex((o, j) => j < k && anchors[j] !== null && sameParagraph(o, s));
    if (before < 0) return;
    anchors[k] = anchors[before];
    follows.add(k);
  });
  const pieces: Piece[] = [];
  spans.forEach((span, i) => {
    if (replaced.has(i)) return;
    const sources = [...previous(i), ...ledgerSources(figuresIn(paragraph.figures, span), ledger, year)];
    pieces.push(oldPiece(paragraph, span, i, sources, hasTopic && i === 0));
  });
  given.forEach((s, k) => {
    const at = anchors[k];
    const replacing =
      at === null || follows.has(k)
        ? []
        : [`替换上年表述\uFF1A${paragraph.text.slice(spans[at].start, spans[at].end)}`];
    pieces.push(materialPiece(s, ledger, year, at ?? Number.POSITIVE_INFINITY, replacing));
  });
  pieces.sort((a, b) => a.at - b.at || a.order - b.order);
  return { ...paragraph, ...joinPieces(pieces), origin: given.length > 0 ? 'materials' : paragraph.origin };
}

/** A material sentence as a piece of a paragraph, its trace naming its materials and ledger rows. */
export function materialPiece(
  s: ReadySentence,
  ledger: readonly LedgerRecord[],
  year: number,
  at: number,
  notes: readonly string[] = [],
): Piece {
  const sources = [...materialSources(s), ...ledgerSources(s.figures, ledger, year)];
  return {
    text: s.text,
    figures: s.figures,
    trace: { origin: 'material', sources, notes: [...s.notes, ...notes] },
    at,
    order: 0,
  };
}

/** Pieces written out in order: the text, its figures and its trace, with the pending count. */
export function joinPieces(
  pieces: readonly Piece[],
): Pick<DraftParagraph, 'text' | 'figures' | 'pending'> & { trace: SentenceTrace[] } {
  let text = '';
  const figures: DraftFigure[] = [];
  const trace: SentenceTrace[] = [];
  for (const piece of pieces) {
    const start = text.length;
    text += piece.text;
    figures.push(...piece.figures.map((f) => ({ ...f, start: f.start + start, end: f.end + start })));
    trace.push({ start, end: text.length, text: piece.text, ...piece.trace });
  }
  return { text, figures, pending: countPending(text), trace };
}
