/**
 * Internal consistency, without a ledger: parts that do not add up to their total (154处,其中存量
 * 120处、新增34处) and the same metric stated twice with different values.
 */
import type { ExtractedClaim } from '../claims/index.ts';
import type { Finding } from '../lookup/index.ts';
import { describeBounds, overlaps } from '../lookup/index.ts';
import { formatValue, levelKinds, unitsCompatible } from '../quantities/index.ts';

/**
 * Words that make listed items overlap or fall short of a partition: thresholds (千万元以上企业30家、
 * 亿元以上4家 are nested) and honours (获评 singles out some). Their sum says nothing about the total.
 */
const notPartition = /以上|以下|以内|超过|不低于|不少于|不足|逾|获评|评为|荣获|入选|授予|命名/;

/** The parts listed after 其中 that make up a total, or [] when no such list follows it. */
export function partsOfTotal(
  total: ExtractedClaim,
  claims: readonly ExtractedClaim[],
  text: string,
  at: number,
): ExtractedClaim[] {
  const parts: ExtractedClaim[] = [];
  let cursor = total.end;
  for (let j = at + 1; j < claims.length; j++) {
    const c = claims[j];
    if (c.sentenceStart !== total.sentenceStart) break;
    const gap = text.slice(cursor, c.lead);
    // The list runs from 其中 to the next comma: 其中A 8960对、B 3640对,C 412对 lists A and B.
    if (parts.length === 0 ? !/^[,\uff0c]?\s*其中/.test(gap) : /[,\uff0c;\uff1b。]/.test(gap)) break;
    if (!unitsCompatible(c.unit, total.unit) || c.kind !== total.kind) break;
    if (notPartition.test(text.slice(cursor, c.end))) return [];
    parts.push(c);
    cursor = c.end;
  }
  return parts;
}

function sumFinding(total: ExtractedClaim, parts: ExtractedClaim[]): Finding | null {
  const value = parts.reduce((s, p) => s + p.value, 0);
  const low = parts.reduce((s, p) => s + p.low, 0);
  const high = parts.reduce((s, p) => s + p.high, 0);
  const named = parts.map((p) => `“${p.text}”`).join('、');
  const shown = formatValue(value, total.unit);
  if (overlaps(total, low, high)) {
    return {
      verdict: 'supported',
      metric: null,
      expected: value,
      source: `文中分项${named}`,
      explanation: `与文中分项一致:其中各项${named}之和为${shown}。`,
    };
  }
  // 其中 may name only some parts (…等, or the main ones): a smaller sum proves nothing; a larger one does.
  if (high < total.low) return null;
  return {
    verdict: 'contradicted',
    metric: null,
    expected: value,
    source: `文中分项${named}`,
    explanation: `前后不一致:其中各项${named}之和为${shown},文中总数${describeBounds(total)}。`,
  };
}

/** Years written in the sentence before a claim: the same subject in another year is another figure. */
function yearsBefore(text: string, claim: ExtractedClaim): string {
  return (text.slice(claim.sentenceStart, claim.start).match(/(19|20)\d{2}(?=年)/g) ?? []).join(',');
}

/** Subjects this long name one thing wherever they stand in a report. */
const specificLength = 6;

const hanLength = (s: string): number => s.match(/\p{Script=Han}/gu)?.length ?? 0;

/**
 * Checks what a text says about itself. Returns, per claim, a finding or null; `settled` findings
 * (from the ledger) are left alone: the text is only compared with itself where the ledger is silent.
 */
export function checkConsistency(
  claims: readonly ExtractedClaim[],
  text: string,
  settled: readonly (Finding | null)[],
): (Finding | null)[] {
  const out: (Finding | null)[] = claims.map(() => null);
  const open = (i: number): boolean => !settled[i] || settled[i]?.verdict === 'unverified';
  claims.forEach((claim, i) => {
    if (!levelKinds.has(claim.kind) || !open(i)) return;
    const parts = partsOfTotal(claim, claims, text, i);
    if (parts.length >= 2) out[i] = sumFinding(claim, parts);
  });
  const seen = new Map<string, ExtractedClaim>();
  claims.forEach((claim, i) => {
    if (claim.inherited || claim.subjects.length > 1 || hanLength(claim.subject) < 4) return;
    // A short subject (参与群众, 整改问题) names different things in different paragraphs: compared
    // only within its own paragraph; a specific one (拆除违法建筑) across the whole text.
    const paragraph = hanLength(claim.subject) < specificLength ? text.lastIndexOf('\n', claim.start) : -1;
    const key = [
      claim.subject.replace(/[“”"\s]/g, ''),
      claim.unit,
      claim.kind,
      yearsBefore(text, claim),
      paragraph,
    ].join('|');
    const first = seen.get(key);
    if (!first) {
      seen.set(key, claim);
      return;
    }
    if (!open(i) || out[i] || overlaps(claim, first.low, first.high)) return;
    out[i] = {
      verdict: 'contradicted',
      metric: null,
      expected: first.value,
      source: `文中第${first.start + 1}字“${first.text}”`,
      explanation: `前后不一致:同一指标“${claim.subject}”前文写作“${first.text}”,此处${describeBounds(claim)}。`,
    };
  });
  return out;
}
