/**
 * The carry-forward engine: last year's paragraph becomes this year's — every figure replaced by this
 * year's value in the same written form (formatLike: 万/亿, decimals, commas, Chinese numerals, 余
 * recomputed honestly, 增长↔下降 following the sign), a figure with no new value kept visibly as
 * 【待核实:上年为X】, years moved forward, sentences bound to last year (开局之年, dated events, awards)
 * marked 〖上年表述：…〗 with their years left as written — then checked, a replacement the checker
 * disagrees with turned back into a marker. Pure and deterministic; no model involved.
 */

import type { ExtractedClaim, LedgerIndex, LedgerRecord } from '../figures/index.ts';
import { checkText, extractClaims, formatLike } from '../figures/index.ts';
import {
  markable,
  pendingMarker,
  pendingSpans,
  yearBoundClose,
  yearBoundOpen,
  yearBoundSpans,
} from '../marks/index.ts';
import { figureAudit } from './audit.ts';
import { type CarryYears, type Resolution, resolveFigure } from './resolve.ts';
import type { DraftFigure } from './types.ts';
import { yearBoundSentences } from './year-bound.ts';
import { moveYears } from './years.ts';

/** A paragraph carried forward. */
export interface CarriedText {
  text: string;
  figures: DraftFigure[];
  /** Metrics of the new year the paragraph states or used: they are not new to the report. */
  used: string[];
  /** For each figure, where its claim starts in last year's text (what `unsafe` names). */
  claimStarts: number[];
}

/** One planned replacement in last year's text: a figure's, or a mark inserted (no figure). */
interface Edit {
  start: number;
  end: number;
  replacement: string;
  figure?: Omit<DraftFigure, 'start' | 'end' | 'text'>;
  claimStart?: number;
}

/**
 * Where a figure's replacement starts: a leading 达/达到 stays outside (完成率达128.3%), as does the
 * pending marker's (完成率达【待核实:上年为142.7%】); any other wording belongs to the figure.
 */
function replaceFrom(claim: ExtractedClaim): number {
  const lead = claim.text.match(/^(达到|达)/)?.[0];
  return lead && claim.kind !== 'rank' ? claim.start + lead.length : claim.start;
}

/** What a figure is planned from: its claim in last year's text, what was found, and the years. */
interface FigurePlan {
  claim: ExtractedClaim;
  resolution: Resolution;
  /** Why to keep the figure pending whatever was found (the check disagreed, or its value fills another figure too); null: no reason. */
  unsafe: string | null;
  years: CarryYears;
}

/** Plans the replacement of one figure in `text` (last year's, years moved), with its audit. */
function planEdit(text: string, plan: FigurePlan): Edit {
  const { claim, years } = plan;
  const found = plan.resolution;
  const resolution: Resolution = plan.unsafe
    ? {
        status: 'pending',
        metric: found.metric,
        used: [],
        // Last year's row still names the metric; this year's value was not used.
        basis: found.basis.filter((b) => b.record.year === years.from),
        reason: plan.unsafe,
        candidates: [],
      }
    : found;
  const start = replaceFrom(claim);
  const previous = text.slice(start, claim.end);
  const audit = figureAudit(claim, resolution);
  if (resolution.status === 'pending') {
    return {
      start,
      end: claim.end,
      replacement: pendingMarker(previous),
      figure: {
        metric: resolution.metric,
        status: 'pending',
        previous,
        value: null,
        unit: claim.unit,
        audit,
      },
      claimStart: claim.start,
    };
  }
  return {
    start,
    end: claim.end,
    claimStart: claim.start,
    replacement: formatLike(resolution.value, previous),
    figure: {
      metric: resolution.metric,
      status: resolution.status,
      previous,
      value: resolution.value,
      unit: resolution.unit,
      audit,
    },
  };
}

/** Applies edits (sorted, not overlapping) to a text, giving the new text and the figures' new spans. */
function applyEdits(
  text: string,
  edits: readonly Edit[],
): { text: string; figures: DraftFigure[]; claimStarts: number[] } {
  let out = '';
  let cursor = 0;
  const figures: DraftFigure[] = [];
  const claimStarts: number[] = [];
  for (const edit of edits) {
    out += text.slice(cursor, edit.start);
    const start = out.length;
    out += edit.replacement;
    if (edit.figure) {
      figures.push({ start, end: out.length, text: edit.replacement, ...edit.figure });
      claimStarts.push(edit.claimStart ?? -1);
    }
    cursor = edit.end;
  }
  return { text: out + text.slice(cursor), figures, claimStarts };
}

/** The marks around the sentences bound to last year, as insertions (opening before closing at one place). */
function markEdits(sentences: readonly { start: number; end: number }[], open = yearBoundOpen): Edit[] {
  return sentences.flatMap((s) => [
    { start: s.start, end: s.start, replacement: open },
    { start: s.end, end: s.end, replacement: yearBoundClose },
  ]);
}

// Why a figure whose value was found is still kept pending, for the audit.
const contradictedReason = '替换后的数字核查不符\uFF0C留给撰稿人核实';
const sharedReason = '台账同一行的数值不能同时填入本段两个数字';

/**
 * Figures (by index) that would take the same ledger value as another figure of the paragraph: one
 * value never fills two figures (新引进企业6家,新签约重点项目6个 must not become one row's value
 * twice), so all of them stay pending.
 */
function sharedRecords(resolutions: readonly Resolution[]): Set<number> {
  const byMetric = new Map<string, number[]>();
  resolutions.forEach((r, i) => {
    if (r.status !== 'updated' || r.metric === null) return;
    byMetric.set(r.metric, [...(byMetric.get(r.metric) ?? []), i]);
  });
  return new Set([...byMetric.values()].filter((list) => list.length > 1).flat());
}

/**
 * Carries one paragraph of last year's report forward to `years.to` against a ledger holding both
 * years. `unsafe` names figures (by where their claims start in `oldText`) to keep pending even when
 * a value was found — the caller's safety net when a check disagrees with a replacement. Marks already
 * in the text (a draft carried forward again) stay as written, the figures inside them too.
 * @example carryParagraph('全年服务3400余次。', index, { from: 2016, to: 2017 }).text // '全年服务3600余次。'
 */
export function carryParagraph(
  oldText: string,
  index: LedgerIndex,
  years: CarryYears,
  unsafe: ReadonlySet<number> = new Set(),
): CarriedText {
  const bound = yearBoundSentences(oldText, years.from);
  const kept = [...pendingSpans(oldText), ...yearBoundSpans(oldText)];
  // Years keep their length (2016 → 2017), so the claims' spans hold in the moved text too.
  const moved = moveYears(oldText, years.from, years.to, [...bound, ...kept]);
  const source = moved.length === oldText.length ? moved : oldText;
  const claims = extractClaims(oldText);
  const resolutions = new Map<ExtractedClaim, Resolution>();
  const resolve = (claim: ExtractedClaim): Resolution => {
    let found = resolutions.get(claim);
    if (!found) {
      found = resolveFigure(claim, claims, oldText, index, years, (part) => resolve(part));
      resolutions.set(claim, found);
    }
    return found;
  };
  const inMark = (c: ExtractedClaim) => kept.some((m) => m.start <= c.start && c.end <= m.end);
  const carried = claims.filter((claim) => !inMark(claim));
  const shared = sharedRecords(carried.map(resolve));
  const edits = [
    ...carried.map((claim, i) =>
      planEdit(source, {
        claim,
        resolution: resolve(claim),
        unsafe: unsafe.has(claim.start) ? contradictedReason : shared.has(i) ? sharedReason : null,
        years,
      }),
    ),
    ...markEdits(bound),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  const used = [...new Set(carried.flatMap((claim) => resolve(claim).used))];
  return { ...applyEdits(source, edits), used };
}

/** A figure no value is sought for: it stays as last year wrote it, in a pending marker. */
const unsought: Resolution = {
  status: 'pending',
  metric: null,
  used: [],
  basis: [],
  reason: '上年原文留给撰稿人改写\uFF0C不取今年数值',
  candidates: [],
};

/**
 * Last year's text kept for the writer rather than carried: wrapped whole in a mark opened by `open`
 * (its closing 。 left outside), years as written, every figure a 【待核实:上年为…】 marker — nothing
 * of it is stated as the new year's. A text already holding a mark bracket is not wrapped again.
 * @example heldParagraph('新建高标准农田3000亩。', planOpen, 2023).text // '〖上年计划：新建高标准农田【待核实:上年为3000亩】〗。'
 */
export function heldParagraph(oldText: string, open: string, year: number): CarriedText {
  const years = { from: year, to: year };
  const kept = [...pendingSpans(oldText), ...yearBoundSpans(oldText)];
  const claims = extractClaims(oldText).filter(
    (c) => !kept.some((m) => m.start <= c.start && c.end <= m.end),
  );
  const body = oldText.replace(/[。\s]+$/, '').length;
  const wrap = body > 0 && markable(oldText);
  const edits = [
    ...(wrap ? markEdits([{ start: 0, end: body }], open) : []),
    ...claims.map((claim) => planEdit(oldText, { claim, resolution: unsought, unsafe: null, years })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  return { ...applyEdits(oldText, edits), used: [] };
}

/** Rounds of the safety net: each turns the figures the checker disagrees with into pending ones. */
const maxCheckRounds = 3;

/**
 * Carries one text forward and checks it against the new year; figures the check contradicts are
 * turned into pending markers and the text is carried again, so the result has no contradiction the
 * engine put there.
 */
export function carryChecked(
  oldText: string,
  ledger: readonly LedgerRecord[],
  index: LedgerIndex,
  years: CarryYears,
): CarriedText {
  const unsafe = new Set<number>();
  let carried = carryParagraph(oldText, index, years, unsafe);
  for (let round = 0; round < maxCheckRounds; round++) {
    const { claims } = checkText(carried.text, ledger, { year: years.to });
    const before = unsafe.size;
    for (const claim of claims) {
      if (claim.verdict !== 'contradicted') continue;
      carried.figures.forEach((figure, i) => {
        if (figure.status !== 'pending' && figure.start < claim.end && claim.start < figure.end)
          unsafe.add(carried.claimStarts[i]);
      });
    }
    if (unsafe.size === before) break;
    carried = carryParagraph(oldText, index, years, unsafe);
  }
  return carried;
}
