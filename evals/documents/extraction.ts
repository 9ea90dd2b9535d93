/**
 * Extraction on a document: the claims the figures engine reads in the whole text (as `govdraft
 * check` does) against the gold figures — a claim matches a gold figure when their spans overlap and
 * the values agree — and the non-figures it reports.
 */
import { type ExtractedClaim, extractClaims, normalizeUnit } from '../../server/figures/index.ts';
import type { Span } from '../../server/text/index.ts';
import type { DevDocument, LocatedFigure } from './load.ts';

/** What extraction got right and wrong on one document. */
export interface ExtractionScore {
  gold: number;
  /** Claims counted for precision (those on ambiguous numbers left out). */
  claims: number;
  found: number;
  correct: number;
  nonFiguresReported: number;
  failures: string[];
}

/** True when two spans share a character. */
export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** The values a gold figure may be read as: as written, and in base units (60.3亿元 → 6030000000). */
export function goldValues(figure: LocatedFigure): number[] {
  if (figure.value === undefined) return [];
  const signed = figure.value < 0 ? figure.value : figure.value * (figure.sign ?? 1);
  const factor = figure.unit ? (normalizeUnit(figure.unit)?.factor ?? 1) : 1;
  return [signed, signed * factor];
}

/** True when a claim reads a gold figure: overlapping spans and (when the gold gives one) the value. */
export function readsFigure(claim: ExtractedClaim, figure: LocatedFigure): boolean {
  if (!overlaps(claim, figure)) return false;
  const values = goldValues(figure);
  return values.length === 0 || values.some((v) => close(claim.value, v));
}

const describe = (c: ExtractedClaim): string => `${c.text} = ${c.value}${c.unit}`;

/** Scores extraction on one document; `claims` defaults to the engine's reading of the text. */
export function scoreExtraction(
  doc: DevDocument,
  claims: ExtractedClaim[] = extractClaims(doc.report.text),
): ExtractionScore {
  const failures: string[] = [];
  let found = 0;
  for (const figure of doc.figures) {
    if (claims.some((c) => readsFigure(c, figure))) {
      found++;
      continue;
    }
    const near = claims.find((c) => overlaps(c, figure));
    failures.push(`missed ${figure.text}${near ? ` (read as ${describe(near)})` : ''}`);
  }
  let counted = 0;
  let correct = 0;
  let nonFiguresReported = 0;
  for (const claim of claims) {
    const onGold = doc.figures.some((f) => overlaps(claim, f));
    if (!onGold && doc.ambiguous.some((a) => overlaps(claim, a))) continue;
    counted++;
    if (doc.figures.some((f) => readsFigure(claim, f))) {
      correct++;
      continue;
    }
    const nonFigure = onGold ? undefined : doc.nonFigures.find((n) => overlaps(claim, n));
    if (nonFigure) {
      nonFiguresReported++;
      failures.push(`non-figure ${nonFigure.surface} reported as ${describe(claim)}`);
    } else if (!onGold) {
      failures.push(`spurious ${describe(claim)} in “${context(doc.report.text, claim)}”`);
    }
  }
  return { gold: doc.figures.length, claims: counted, found, correct, nonFiguresReported, failures };
}

/** A few characters around a span, on one line. */
export function context(text: string, span: Span): string {
  return text.slice(Math.max(0, span.start - 8), Math.min(text.length, span.end + 6)).replace(/\s+/g, ' ');
}
