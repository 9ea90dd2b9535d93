/**
 * Figures drawn by verdict: the spans and verdicts come from the API (POST /api/check, the draft's
 * figures); this module only turns them into coloured segments. Supported figures are green,
 * contradicted red, unverified yellow, and 【待核实…】 markers stand out in bold magenta.
 */
import { pendingSpans } from '../../../server/marks/index.ts';
import type { Segment, SegmentStyle } from './wrap.ts';

/** A checked span of a text, as the API returns it. */
export interface FigureSpan {
  start: number;
  end: number;
  verdict: 'supported' | 'contradicted' | 'unverified';
  /** A 【待核实…】 marker rather than a figure. */
  pending?: boolean;
}

/** Colours of the verdicts, shared by every screen and the legend. */
export const verdictColor = { supported: 'green', contradicted: 'red', unverified: 'yellow' } as const;

const markerStyle: SegmentStyle = { color: 'magenta', bold: true };

const styleOf = (span: FigureSpan, selected: boolean): SegmentStyle =>
  span.pending
    ? { ...markerStyle, inverse: selected }
    : { color: verdictColor[span.verdict], bold: span.verdict !== 'supported', inverse: selected };

/** Splits plain text around 【待核实…】 markers so they stand out. */
function markPending(text: string, base?: SegmentStyle): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const m of pendingSpans(text)) {
    if (m.start > at) segments.push({ text: text.slice(at, m.start), style: base });
    segments.push({ text: m.text, style: { ...base, ...markerStyle } });
    at = m.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), style: base });
  return segments;
}

/**
 * The text as segments with every figure span coloured by its verdict; `selected` (an index into
 * `spans`) is drawn inverse so a reviewer sees which problem is current.
 */
export function figureSegments(text: string, spans: readonly FigureSpan[], selected = -1): Segment[] {
  const ordered = spans.map((span, i) => ({ span, i })).sort((a, b) => a.span.start - b.span.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const { span, i } of ordered) {
    if (span.start < at || span.end > text.length) continue;
    segments.push(...markPending(text.slice(at, span.start)));
    segments.push({ text: text.slice(span.start, span.end), style: styleOf(span, i === selected) });
    at = span.end;
  }
  segments.push(...markPending(text.slice(at)));
  return segments;
}
