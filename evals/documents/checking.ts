/**
 * Fact-checking a document: the correct text must get no 不符, with no ledger (internal consistency
 * only) and with the office's own ledger; and, when the document ships a ledger, each gold figure
 * the ledger states, once changed, must be caught (不符) — the perturbation eval's changes.
 */

import type { CheckedClaim } from '../../server/figures/index.ts';
import { checkText, implausibleIn, indexLedger } from '../../server/figures/index.ts';
import { changes } from '../eval-perturbation.ts';
import { goldValues, overlaps } from './extraction.ts';
import type { DevDocument, LocatedFigure } from './load.ts';

/** What the checker did on one document. */
export interface CheckingScore {
  /** 不符 on the correct text without a ledger, and with the document's ledger (null: none shipped). */
  falseNoLedger: number;
  falseWithLedger: number | null;
  /** Changed figures and how many were caught; null when the document has no ledger to catch them. */
  variants: number | null;
  caught: number;
  failures: string[];
}

const contradicted = (claims: CheckedClaim[]): CheckedClaim[] =>
  claims.filter((c) => c.verdict === 'contradicted');

/**
 * Gold figures the ledger states for the year: their metric has a row that year — one that can be
 * true (a figure on an implausible row stays unverified however it is changed).
 */
function stated(doc: DevDocument, year: number | null): LocatedFigure[] {
  const ledger = doc.ledger ?? [];
  const flawed = implausibleIn(indexLedger(ledger));
  const metrics = new Set(ledger.filter((r) => r.year === year && !flawed.has(r)).map((r) => r.metric));
  return doc.figures.filter((f) => f.metric !== undefined && metrics.has(f.metric));
}

/** Checks every changed copy of the text; a copy counts as caught when the changed figure is 不符. */
function perturb(doc: DevDocument, failures: string[]): { variants: number; caught: number } {
  const text = doc.report.text;
  const ledger = doc.ledger ?? [];
  const base = checkText(text, ledger).claims;
  let variants = 0;
  let caught = 0;
  for (const figure of stated(doc, doc.gold.year)) {
    const read = base.find((c) => overlaps(c, figure));
    const value = goldValues(figure).at(-1) ?? read?.value;
    if (value === undefined) continue;
    const kind = read?.kind ?? 'count';
    for (const [change, surface] of changes({
      surface: figure.text,
      value,
      qualifier: read?.qualifier ?? '',
      kind,
    })) {
      variants++;
      const changed = text.slice(0, figure.start) + surface + text.slice(figure.end);
      const span = { start: figure.start, end: figure.start + surface.length };
      const claims = checkText(changed, ledger).claims.filter((c) => overlaps(c, span));
      if (claims.some((c) => c.verdict === 'contradicted')) caught++;
      else {
        const seen = claims.map((c) => `${c.text}: ${c.verdict}`).join(' | ') || 'no claim read';
        failures.push(`perturbation missed (${change}): ${figure.text} → ${surface} (${seen})`);
      }
    }
  }
  return { variants, caught };
}

/** Scores the checker on one document. */
export function scoreChecking(doc: DevDocument): CheckingScore {
  const failures: string[] = [];
  const text = doc.report.text;
  const bare = contradicted(checkText(text, []).claims);
  for (const c of bare) failures.push(`false 不符 without a ledger: ${c.text} — ${c.explanation}`);
  let falseWithLedger: number | null = null;
  let outcome: { variants: number | null; caught: number } = { variants: null, caught: 0 };
  if (doc.ledger) {
    const withLedger = contradicted(checkText(text, doc.ledger).claims);
    for (const c of withLedger) failures.push(`false 不符 with its ledger: ${c.text} — ${c.explanation}`);
    falseWithLedger = withLedger.length;
    outcome = perturb(doc, failures);
  }
  return { falseNoLedger: bare.length, falseWithLedger, ...outcome, failures };
}
