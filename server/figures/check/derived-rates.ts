/**
 * Derived checks of rates and shares: 办结率 from 办结 and 受理, 完成年度目标的115% from what was
 * done over its target (of the same sentence's subject), 占户籍人口的8.7% from a part over its whole —
 * parts from the same text or from the ledger.
 */
import type { ExtractedClaim } from '../claims/index.ts';
import { neighbours } from '../claims/index.ts';
import type { Operand } from '../lookup/index.ts';
import { fromClaim, fromRecord, levelRecord } from '../lookup/index.ts';
import { levelKinds, unitsCompatible } from '../quantities/index.ts';
import type { LedgerRecord } from '../types.ts';
import { type FindingRule, judgeQuotient, sentenceOf } from './finding-rule.ts';

/** Denominator words of a rate's stem: 办结率 = 办结 / 受理. */
const denominators: Record<string, string[]> = {
  办结: ['受理', '收到', '登记'],
  结案: ['受理', '立案', '登记'],
  完成: ['任务', '目标', '计划'],
  满意: ['参评', '调查', '测评', '回访'],
  合格: ['检查', '抽检', '检测'],
  就业: ['登记', '失业'],
  回复: ['受理', '收到'],
  办理: ['受理', '收到'],
};
const genericDenominators = ['总', '应', '受理', '任务', '目标', '计划', '户籍', '常住', '共'];

/** Words before a rate's stem that narrow what it counts (按期办结率, 一次性办结率). */
const basisModifiers = ['一次性', '按期', '按时', '及时', '当年', '首次', '当场', '限时'];

/** The stem of a rate named in a subject (办结率 → 办结), or null when the subject names no rate. */
export function rateStem(subject: string): string | null {
  const m = subject.match(/([\p{Script=Han}]{2})率$/u) ?? subject.match(/([\p{Script=Han}]{2})率/u);
  return m ? m[1] : null;
}

/** Numerator and denominator of a rate among the claims around it; null when either is missing. */
export function rateParts(
  claim: ExtractedClaim,
  near: readonly ExtractedClaim[],
): { numerator: ExtractedClaim; denominator: ExtractedClaim } | null {
  const stem = rateStem(claim.subject);
  if (!stem) return null;
  // 按期办结率 counts only what was done on time: a plain 办结 figure is not its numerator.
  const head = claim.subject.slice(0, claim.subject.indexOf(`${stem}率`));
  const basis = basisModifiers.find((m) => head.endsWith(m));
  const parts = near.filter((c) => levelKinds.has(c.kind) && c.start < claim.start);
  const numerator = parts.find(
    (c) => c.subject.includes(basis ? `${basis}${stem}` : stem) && !c.subject.includes(`${stem}率`),
  );
  if (!numerator) return null;
  const words = denominators[stem] ?? genericDenominators;
  const denominator = parts.find(
    (c) =>
      c !== numerator &&
      unitsCompatible(c.unit, numerator.unit) &&
      words.some((w) => c.subject.includes(w)) &&
      !c.subject.includes(stem),
  );
  return denominator ? { numerator, denominator } : null;
}

/** 办结率96.6% from 受理 and 办结: parts in the text, or in the ledger under the rate's words. */
export const rateFinding: FindingRule = (d) => {
  const { claim, claims, text, ledger } = d;
  const stem = rateStem(claim.subject);
  if (!stem) return null;
  const context = sentenceOf(d);
  const inText = rateParts(claim, neighbours(claim, claims, text));
  let numerator: Operand | null = inText ? fromClaim(inText.numerator) : null;
  let denominator: Operand | null = inText ? fromClaim(inText.denominator) : null;
  if ((!numerator || !denominator) && ledger) {
    const { index, year } = ledger;
    const topic = claim.subject.replace(/[\p{Script=Han}]{2}率.*$/u, '');
    const num = levelRecord(`${topic}${stem}`, context, index, year);
    if (!num) return null;
    const words = denominators[stem] ?? genericDenominators;
    let den: LedgerRecord | null = null;
    for (const w of words) {
      den = levelRecord(`${topic}${w}`, context, index, year, { unit: num.unit });
      if (den && den !== num && den.metric.includes(w)) break;
      den = null;
    }
    if (!den) return null;
    numerator = fromRecord(num);
    denominator = fromRecord(den);
  }
  if (!numerator || !denominator) return null;
  return judgeQuotient(claim, numerator, denominator, numerator.metric);
};

const targetWords = ['目标', '任务', '计划'];

/** 新增就业岗位690个,完成年度目标的115%: the figure before it over its target (text or ledger). */
export const completionFinding: FindingRule = (d) => {
  const { claim, claims, text, ledger } = d;
  const lead = text.slice(claim.sentenceStart, claim.lead);
  if (!/完成(了)?(年度|全年|年初|全年度)?(目标|任务|计划)(任务)?(的)?(达)?$/.test(lead)) return null;
  const near = neighbours(claim, claims, text);
  const done = near.find(
    (c) => c.start < claim.start && c.sentenceStart === claim.sentenceStart && levelKinds.has(c.kind),
  );
  if (!done) return null;
  const stated = near.find(
    (c) => c !== done && unitsCompatible(c.unit, done.unit) && targetWords.some((w) => c.subject.includes(w)),
  );
  let target: Operand | null = stated ? fromClaim(stated) : null;
  if (!target && ledger) {
    for (const w of targetWords) {
      const record = levelRecord(`${done.subject}${w}`, '', ledger.index, ledger.year, {
        unit: done.unit,
        target: true,
      });
      if (record?.metric.includes(w)) {
        target = fromRecord(record);
        break;
      }
    }
  }
  if (!target) return null;
  return judgeQuotient(claim, fromClaim(done), target, target.metric);
};

/** 占户籍人口的8.7%: the figure before it over the named whole (from the text or the ledger). */
export const shareFinding: FindingRule = (d) => {
  const { claim, claims, text, ledger } = d;
  const whole = text
    .slice(claim.sentenceStart, claim.start)
    .match(/占([^,\uff0c;\uff1b。]{2,20}?)(的)?(比例|比重)?(为|达)?$/);
  if (!whole) return null;
  const name = whole[1];
  const near = neighbours(claim, claims, text);
  const part = near.find(
    (c) => c.start < claim.start && levelKinds.has(c.kind) && c.sentenceStart === claim.sentenceStart,
  );
  if (!part) return null;
  const stated = claims.find(
    (c) => c !== part && c.subject.includes(name) && unitsCompatible(c.unit, part.unit),
  );
  let den: Operand | null = stated ? fromClaim(stated) : null;
  if (!den && ledger) {
    const record = levelRecord(name, name, ledger.index, ledger.year, { unit: part.unit });
    den = record ? fromRecord(record) : null;
  }
  if (!den) return null;
  return judgeQuotient(claim, fromClaim(part), den, den.metric);
};
