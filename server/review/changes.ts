/**
 * What changed between two checks of a document: findings fixed, still open, new. A finding is
 * known across versions by its metric (or kind and unit) and its sentence with every figure masked,
 * so fixing a figure or moving its paragraph keeps it the same finding; offsets play no part.
 */
import type { CheckedClaim, Verdict } from '../figures/index.ts';
import { splitSentences } from '../text/index.ts';

/** One finding as remembered: enough to name it in a later check. */
export interface RememberedFinding {
  key: string;
  text: string;
  verdict: Exclude<Verdict, 'supported'>;
  metric: string | null;
  sentence: string;
}

/** A finding in a list of changes; `now` is the figure as the new version writes it (fixed ones). */
export interface ChangedFinding extends RememberedFinding {
  now?: { text: string; verdict: Verdict } | null;
}

/** What changed since the last check of the same document. */
export interface Changes {
  /** When the previous check ran (ISO time) and on which file. */
  since: string;
  previousFile: string | null;
  fixed: ChangedFinding[];
  open: ChangedFinding[];
  new: ChangedFinding[];
  summary: { fixed: number; open: number; new: number };
}

/** A sentence with each figure of the check replaced by # and whitespace removed. */
function maskedSentence(text: string, span: { start: number; end: number }, claims: readonly CheckedClaim[]) {
  let out = '';
  let at = span.start;
  for (const c of claims) {
    if (c.start < at || c.end > span.end) continue;
    out += `${text.slice(at, c.start)}#`;
    at = c.end;
  }
  out += text.slice(at, span.end);
  return out.replace(/\s+/g, '').replace(/\d+/g, '#');
}

/**
 * The identity key of every claim of a check (same order as `claims`): metric or kind/unit, the
 * masked sentence, and the claim's rank among claims with both the same.
 */
export function findingKeys(text: string, claims: readonly CheckedClaim[]): string[] {
  const sorted = [...claims].sort((a, b) => a.start - b.start);
  const sentences = splitSentences(text);
  const seen = new Map<string, number>();
  const keyOf = new Map<CheckedClaim, string>();
  let s = 0;
  for (const claim of sorted) {
    while (s < sentences.length - 1 && sentences[s].end <= claim.start) s++;
    const span = sentences[s] ?? { start: claim.start, end: claim.end };
    const base = `${claim.metric ?? `${claim.kind}/${claim.unit}`}|${maskedSentence(text, span, sorted)}`;
    const rank = seen.get(base) ?? 0;
    seen.set(base, rank + 1);
    keyOf.set(claim, `${base}|${rank}`);
  }
  return claims.map((c) => keyOf.get(c) ?? '');
}

/** The findings (不符 and 无法核对) of a check, remembered by key. */
export function rememberFindings(text: string, claims: readonly CheckedClaim[]): RememberedFinding[] {
  const keys = findingKeys(text, claims);
  const sentences = splitSentences(text);
  const sentenceOf = (c: CheckedClaim): string => {
    const span = sentences.find((s) => s.start <= c.start && c.end <= s.end);
    return span ? text.slice(span.start, span.end) : c.text;
  };
  return claims.flatMap((claim, i) =>
    claim.verdict === 'supported'
      ? []
      : [
          {
            key: keys[i],
            text: claim.text,
            verdict: claim.verdict,
            metric: claim.metric,
            sentence: sentenceOf(claim),
          },
        ],
  );
}

/**
 * Compares a check with the previous one: fixed (raised before, not now), open (both), new (now only).
 * `current` are this check's findings; `now` says how a fixed finding's figure reads now (by key).
 */
export function compareFindings(
  previous: { checkedAt: string; file: string | null; findings: readonly RememberedFinding[] },
  current: readonly RememberedFinding[],
  now: ReadonlyMap<string, { text: string; verdict: Verdict }>,
): Changes {
  const before = new Set(previous.findings.map((f) => f.key));
  const after = new Set(current.map((f) => f.key));
  const fixed = previous.findings
    .filter((f) => !after.has(f.key))
    .map((f) => ({ ...f, now: now.get(f.key) ?? null }));
  const open = current.filter((f) => before.has(f.key));
  const added = current.filter((f) => !before.has(f.key));
  return {
    since: previous.checkedAt,
    previousFile: previous.file,
    fixed,
    open,
    new: added,
    summary: { fixed: fixed.length, open: open.length, new: added.length },
  };
}
