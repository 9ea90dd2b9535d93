/**
 * Fact-check eval by perturbation: the seed report against its 2016 ledger
 * (corpus/ledgers/ganquan-2016.csv), then many variants of the seed that each change one gold figure
 * (a digit, ±10–50 %, 万 dropped, a qualifier that no longer fits, a change's direction flipped).
 * Targets: zero contradictions on the unchanged text; the changed figure contradicted in ≥ 95 % of
 * the variants.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerRecord } from '../server/figures/index.ts';
import { checkText, formatLike, parseLedger } from '../server/figures/index.ts';
import { corpusDir } from '../server/paths.ts';
import type { GoldClaim } from './figures-gold.ts';
import { goldClaims, seedText } from './figures-gold.ts';
import type { EvalResult } from './types.ts';

/** One changed copy of the seed. */
interface Variant {
  change: string;
  gold: GoldClaim;
  surface: string;
  text: string;
  start: number;
  end: number;
}

const factors = [1.1, 1.25, 1.5, 0.9, 0.75, 0.5];

/** The surface with its last non-zero Arabic digit changed (3400余次 → 3500余次), or null. */
function digitChanged(surface: string): string | null {
  for (let i = surface.length - 1; i >= 0; i--) {
    const ch = surface[i];
    if (ch >= '1' && ch <= '9') {
      const next = ch === '9' ? '8' : String(Number(ch) + 1);
      return surface.slice(0, i) + next + surface.slice(i + 1);
    }
  }
  return null;
}

/**
 * The ways one gold figure is changed; each is a surface that no longer states the ledger value.
 * Shared with the documents eval.
 */
export function changes(
  gold: Pick<GoldClaim, 'surface' | 'value' | 'qualifier' | 'kind'>,
): [string, string][] {
  const s = gold.surface;
  const out: [string, string][] = [];
  const digit = /[0-9]/.test(s) ? digitChanged(s) : formatLike(gold.value + 1, s);
  if (digit) out.push(['digit', digit]);
  for (const f of factors) {
    out.push([`×${f}`, formatLike(gold.value * f, s)]);
  }
  if (s.includes('万')) out.push(['万 dropped', s.replace('万', '')]);
  if (gold.qualifier === '') {
    const m = s.match(/[0-9一二三四五六七八九十两]/);
    if (m?.index !== undefined && gold.kind !== 'rank' && gold.kind !== 'yoy') {
      out.push(['超过 added', `${s.slice(0, m.index)}超过${s.slice(m.index)}`]);
    }
  } else {
    const bare = s.replace(/^约|余|^达/g, '');
    const m = bare.match(/[0-9]/);
    if (m?.index !== undefined)
      out.push(['不到 instead', `${bare.slice(0, m.index)}不到${bare.slice(m.index)}`]);
  }
  if (s.includes('下降')) out.push(['direction flipped', s.replace('下降', '增长')]);
  return out.filter(([, changed]) => changed !== s);
}

function variantsOf(text: string, gold: GoldClaim[]): Variant[] {
  const out: Variant[] = [];
  for (const g of gold) {
    for (const [change, surface] of changes(g)) {
      out.push({
        change,
        gold: g,
        surface,
        text: text.slice(0, g.start) + surface + text.slice(g.end),
        start: g.start,
        end: g.start + surface.length,
      });
    }
  }
  return out;
}

async function ledger2016(): Promise<LedgerRecord[]> {
  const file = join(corpusDir, 'ledgers', 'ganquan-2016.csv');
  return parseLedger(readFileSync(file), file);
}

/** Runs the perturbation eval. */
export async function run(): Promise<EvalResult> {
  const text = seedText();
  const ledger = await ledger2016();
  const gold = goldClaims(text);
  const details: string[] = [];

  const baseline = checkText(text, ledger, {});
  for (const c of baseline.claims) {
    if (c.verdict === 'contradicted')
      details.push(`unchanged text: ${c.text} contradicted (${c.explanation})`);
  }
  const variants = variantsOf(text, gold);
  let detected = 0;
  let collateral = 0;
  const byChange = new Map<string, { n: number; hit: number }>();
  for (const v of variants) {
    const result = checkText(v.text, ledger, {});
    const changed = result.claims.filter((c) => c.start < v.end && v.start < c.end);
    const hit = changed.some((c) => c.verdict === 'contradicted');
    const others = result.claims.filter((c) => !changed.includes(c) && c.verdict === 'contradicted');
    collateral += others.length;
    if (hit) detected++;
    else {
      const seen =
        changed.map((c) => `${c.text}: ${c.verdict} ${c.explanation}`).join(' | ') || 'no claim read';
      details.push(`missed ${v.change}: ${v.gold.surface} → ${v.surface} (${seen})`);
    }
    const tally = byChange.get(v.change) ?? { n: 0, hit: 0 };
    tally.n++;
    if (hit) tally.hit++;
    byChange.set(v.change, tally);
  }
  for (const [change, t] of byChange) details.push(`${change}: ${t.hit}/${t.n} detected`);
  const rate = variants.length ? detected / variants.length : 1;
  return {
    name: 'fact-check perturbation (seed 2016)',
    metrics: {
      variants: variants.length,
      detected,
      detection_rate: rate,
      unchanged_contradictions: baseline.summary.contradicted,
      unchanged_supported: baseline.summary.supported,
      collateral_contradictions: collateral,
    },
    pass: rate >= 0.95 && baseline.summary.contradicted === 0,
    details,
  };
}
