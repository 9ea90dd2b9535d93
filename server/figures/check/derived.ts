/**
 * Derived checks: figures the ledger does not state but implies — year-on-year changes, 个百分点 and
 * 比上年增加 from two years' values, rates from their parts (办结率 = 办结/受理, 完成率 = 完成/任务),
 * completion against a target (完成年度目标的115%), shares (占户籍人口的8.7%), averages (日均 = total/365) and cumulative totals (累计 = last year's
 * cumulative + this year's). Parts come from the ledger or from the same text.
 */
import type { ExtractedClaim } from '../claims/index.ts';
import { neighbours } from '../claims/index.ts';
import type { Expected, Finding, LedgerIndex, Operand } from '../lookup/index.ts';
import {
  aspectOf,
  changeKindOf,
  changeOf,
  fromClaim,
  fromRecord,
  judgeDerived,
  levelRecord,
  periods,
  perPeriod,
  sameSeries,
  sum,
  unverified,
} from '../lookup/index.ts';
import { formatValue, levelKinds, unitsCompatible } from '../quantities/index.ts';
import { completionFinding, rateFinding, shareFinding } from './derived-rates.ts';
import { type Derivation, type FindingRule, sentenceOf } from './finding-rule.ts';

/** 同比下降34%, 提高2个百分点, 比上年增加120人: recomputed from this year's and last year's values. */
const changeFinding: FindingRule = (d) => {
  const { claim, claims, text, ledger } = d;
  if (!ledger) return null;
  const { index, year } = ledger;
  const kind = changeKindOf(claim.kind);
  if (!kind) return null;
  const context = sentenceOf(d);
  const unit = kind === 'pp' ? '%' : kind === 'delta' ? claim.unit : undefined;
  const perPeriod = aspectOf(claim.subject) === 'average';
  const current = levelRecord(claim.subject, context, index, year, { unit, perPeriod });
  let currentOperand: Operand | null = current ? fromRecord(current) : null;
  let previous = current ? sameSeries(current, index, year - 1) : null;
  if (!currentOperand) {
    // 信访量1200件,同比下降34%: this year's level is stated just before the change.
    const stated = neighbours(claim, claims, text).find(
      (c) =>
        c.start < claim.start &&
        c.sentenceStart === claim.sentenceStart &&
        (claim.kind === 'pp' ? c.unit === '%' && c.kind === 'percent' : levelKinds.has(c.kind)) &&
        (!unit || unitsCompatible(unit, c.unit)),
    );
    if (!stated) return null;
    const base = levelRecord(stated.subject, context, index, year - 1, { unit: stated.unit, perPeriod });
    if (!base) return null;
    currentOperand = fromClaim(stated);
    previous = base;
  }
  if (!previous) return null;
  const prev = fromRecord(previous);
  const expected: Expected | null = changeOf(kind, currentOperand, prev);
  const what = kind === 'yoy' ? '同比变化' : kind === 'pp' ? '变化的百分点' : '比上年增减';
  if (!expected) return null;
  return judgeDerived(claim, expected, {
    metric: previous.metric,
    source: [currentOperand.source, prev.source].join(';'),
    basis: `${currentOperand.label},${prev.label},${what}`,
  });
};

/** True when two subjects speak of the same thing: a shared pair of characters, or one says nothing. */
function sameTopic(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return true;
  for (let i = 0; i + 1 < a.length; i++) if (b.includes(a.slice(i, i + 2))) return true;
  return false;
}

/**
 * 日均接待120人次: the year's total over 365 days (月均 over 12, 周均 over 52). The total is a
 * figure of the same sentence about the same thing, or the ledger's total — never a per-period
 * metric, which would be divided twice.
 */
const averageFinding: FindingRule = (d) => {
  const { claim, claims, text, ledger } = d;
  const lead = text.slice(Math.max(claim.sentenceStart, claim.lead - 12), claim.lead);
  const rule = periods.find((p) => p.words.test(lead) || p.words.test(claim.subject));
  if (!rule) return null;
  const topic = claim.subject.replace(rule.words, '');
  const context = sentenceOf(d);
  const stated = neighbours(claim, claims, text).find(
    (c) =>
      c.sentenceStart === claim.sentenceStart &&
      unitsCompatible(c.unit, claim.unit) &&
      aspectOf(c.subject) !== 'average' &&
      !rule.words.test(text.slice(Math.max(c.sentenceStart, c.lead - 12), c.lead)) &&
      sameTopic(topic, c.subject) &&
      c.value > claim.value,
  );
  let total: Operand | null = stated ? fromClaim(stated) : null;
  if (!total && ledger) {
    const record = levelRecord(topic, context, ledger.index, ledger.year, { unit: claim.unit });
    total = record ? fromRecord(record) : null;
  }
  if (!total) return null;
  const candidates = perPeriod(total, rule.divisors);
  const fits = candidates.find((e) => e.high >= claim.low && e.low <= claim.high);
  const expected = fits ?? candidates[0];
  // 全年5.89万人次,日均236人次: counted over working days, which the text does not give.
  const open = rule.open && perPeriod(total, rule.open);
  if (!fits && open && claim.low <= open[0].high && claim.high >= open[1].low) {
    const shown = formatValue(expected.value, claim.unit);
    return unverified(
      `按${total.label}÷${rule.label}应为${shown};若按工作日等开放天数计算则可能一致,文中未写明天数,无法核对。`,
    );
  }
  return judgeDerived(claim, expected, {
    metric: total.metric,
    source: total.source,
    basis: `${total.label}÷${rule.label}`,
  });
};

/** 累计96台: last year's cumulative (ledger) plus this year's new ones (text or ledger). */
const cumulativeFinding: FindingRule = (d) => {
  const { claim, claims, text, ledger } = d;
  if (!ledger) return null;
  const { index, year } = ledger;
  const lead = text.slice(Math.max(claim.sentenceStart, claim.lead - 30), claim.lead);
  if (!lead.includes('累计') || /(全年|年内|当年|今年|本年)累计/.test(lead)) return null;
  const context = sentenceOf(d);
  const before = levelRecord(claim.subject, context, index, year - 1, { unit: claim.unit });
  if (!before?.metric.includes('累计')) return null;
  const added = neighbours(claim, claims, text).find(
    (c) =>
      c.sentenceStart === claim.sentenceStart &&
      c !== claim &&
      unitsCompatible(c.unit, claim.unit) &&
      /新增|今年|全年|本年|新建|新安装/.test(
        c.subject + text.slice(Math.max(c.sentenceStart, c.lead - 6), c.lead),
      ),
  );
  let increment: Operand | null = added ? fromClaim(added) : null;
  if (!increment) {
    const fresh = levelRecord(claim.subject.replace('累计', '新增'), context, index, year, {
      unit: claim.unit,
    });
    increment = fresh && !fresh.metric.includes('累计') ? fromRecord(fresh) : null;
  }
  if (!increment) return null;
  const prev = fromRecord(before);
  return judgeDerived(claim, sum(prev, increment), {
    metric: before.metric,
    source: [prev.source, increment.source].join(';'),
    basis: `${prev.label}加上${increment.label}`,
  });
};

/** The derivations that apply to a change, a percentage and a level, in the order they are tried. */
const rulesFor = {
  change: [changeFinding],
  percent: [shareFinding, completionFinding, rateFinding],
  level: [averageFinding, cumulativeFinding],
} satisfies Record<string, FindingRule[]>;

/**
 * Checks a claim the ledger does not state directly by deriving its expected value from other
 * ledger values and figures of the same text; without a ledger (index null) only from the text
 * (a rate against its parts, a share, an average). Null when no derivation applies.
 */
export function deriveFinding(
  claim: ExtractedClaim,
  claims: readonly ExtractedClaim[],
  text: string,
  index: LedgerIndex | null,
  year: number | null,
): Finding | null {
  const d: Derivation = { claim, claims, text, ledger: index && year !== null ? { index, year } : null };
  const rules =
    claim.kind === 'yoy' || claim.kind === 'pp' || claim.kind === 'delta'
      ? rulesFor.change
      : claim.kind === 'percent'
        ? rulesFor.percent
        : levelKinds.has(claim.kind)
          ? rulesFor.level
          : [];
  for (const rule of rules) {
    const finding = rule(d);
    if (finding) return finding;
  }
  return null;
}
