/**
 * Derived checks: figures the ledger does not state but implies — year-on-year changes, 个百分点 and
 * 比上年增加 from two years' values, rates from their parts (办结率 = 办结/受理, 完成率 = 完成/任务),
 * completion against a target (完成年度目标的115%), shares (占户籍人口的8.7%), averages (日均 = total/365) and cumulative totals (累计 = last year's
 * cumulative + this year's). Parts come from the ledger or from the same text.
 */
import type { ExtractedClaim } from './claims.ts';
import type { Expected, Operand } from './lookup/index.ts';
import {
  changeKindOf,
  changeOf,
  fromClaim,
  fromRecord,
  levelRecord,
  periods,
  perPeriod,
  ratio,
  sameSeries,
  sum,
} from './lookup/index.ts';
import type { LedgerIndex } from './match.ts';
import { aspectOf } from './match.ts';
import type { LedgerRecord } from './types.ts';
import { unitsCompatible } from './units.ts';
import type { Finding } from './verdict.ts';
import { judgeDerived } from './verdict.ts';

const levelKinds = new Set([
  'count',
  'amount',
  'area',
  'length',
  'weight',
  'volume',
  'power',
  'energy',
  'duration',
]);

/** Claims of the same sentence, nearest first; the previous sentence of the paragraph after. */
export function neighbours(
  claim: ExtractedClaim,
  claims: readonly ExtractedClaim[],
  text: string,
): ExtractedClaim[] {
  const i = claims.indexOf(claim);
  const out: ExtractedClaim[] = [];
  const paragraphStart = text.lastIndexOf('\n', claim.sentenceStart) + 1;
  for (let d = 1; d < 12; d++) {
    for (const j of [i - d, i + d]) {
      const other = claims[j];
      if (!other) continue;
      const sameSentence = other.sentenceStart === claim.sentenceStart;
      const previousSentence =
        j < i && other.sentenceStart >= paragraphStart && other.sentenceEnd <= claim.sentenceStart;
      if (sameSentence || previousSentence) out.push(other);
    }
  }
  return out.sort(
    (a, b) =>
      Number(b.sentenceStart === claim.sentenceStart) - Number(a.sentenceStart === claim.sentenceStart),
  );
}

/** 同比下降34%, 提高2个百分点, 比上年增加120人: recomputed from this year's and last year's values. */
function changeFinding(
  claim: ExtractedClaim,
  claims: readonly ExtractedClaim[],
  text: string,
  index: LedgerIndex,
  year: number,
): Finding | null {
  const kind = changeKindOf(claim.kind);
  if (!kind) return null;
  const context = text.slice(claim.sentenceStart, claim.sentenceEnd);
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
}

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
function rateFinding(
  claim: ExtractedClaim,
  claims: readonly ExtractedClaim[],
  text: string,
  index: LedgerIndex | null,
  year: number | null,
): Finding | null {
  const stem = rateStem(claim.subject);
  if (!stem) return null;
  const context = text.slice(claim.sentenceStart, claim.sentenceEnd);
  const inText = rateParts(claim, neighbours(claim, claims, text));
  let numerator: Operand | null = inText ? fromClaim(inText.numerator) : null;
  let denominator: Operand | null = inText ? fromClaim(inText.denominator) : null;
  if ((!numerator || !denominator) && index && year !== null) {
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
  const expected = ratio(numerator, denominator);
  if (!expected) return null;
  return judgeDerived(claim, expected, {
    metric: numerator.metric,
    source: [numerator.source, denominator.source].join(';'),
    basis: `${numerator.label}÷${denominator.label}`,
  });
}

const targetWords = ['目标', '任务', '计划'];

/** 新增就业岗位690个,完成年度目标的115%: the figure before it over its target (text or ledger). */
function completionFinding(
  claim: ExtractedClaim,
  claims: readonly ExtractedClaim[],
  text: string,
  index: LedgerIndex | null,
  year: number | null,
): Finding | null {
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
  if (!target && index && year !== null) {
    for (const w of targetWords) {
      const record = levelRecord(`${done.subject}${w}`, '', index, year, { unit: done.unit, target: true });
      if (record?.metric.includes(w)) {
        target = fromRecord(record);
        break;
      }
    }
  }
  if (!target) return null;
  const actual = fromClaim(done);
  const expected = ratio(actual, target);
  if (!expected) return null;
  return judgeDerived(claim, expected, {
    metric: target.metric,
    source: [actual.source, target.source].join(';'),
    basis: `${actual.label}÷${target.label}`,
  });
}

/** 占户籍人口的8.7%: the figure before it over the named whole (from the text or the ledger). */
function shareFinding(
  claim: ExtractedClaim,
  claims: readonly ExtractedClaim[],
  text: string,
  index: LedgerIndex | null,
  year: number | null,
): Finding | null {
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
  if (!den && index && year !== null) {
    const record = levelRecord(name, name, index, year, { unit: part.unit });
    den = record ? fromRecord(record) : null;
  }
  if (!den) return null;
  const expected = ratio(fromClaim(part), den);
  if (!expected) return null;
  return judgeDerived(claim, expected, {
    metric: den.metric,
    source: [fromClaim(part).source, den.source].join(';'),
    basis: `${fromClaim(part).label}÷${den.label}`,
  });
}

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
function averageFinding(
  claim: ExtractedClaim,
  claims: readonly ExtractedClaim[],
  text: string,
  index: LedgerIndex | null,
  year: number | null,
): Finding | null {
  const lead = text.slice(Math.max(claim.sentenceStart, claim.lead - 12), claim.lead);
  const rule = periods.find((p) => p.words.test(lead) || p.words.test(claim.subject));
  if (!rule) return null;
  const topic = claim.subject.replace(rule.words, '');
  const context = text.slice(claim.sentenceStart, claim.sentenceEnd);
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
  if (!total && index && year !== null) {
    const record = levelRecord(topic, context, index, year, { unit: claim.unit });
    total = record ? fromRecord(record) : null;
  }
  if (!total) return null;
  const candidates = perPeriod(total, rule.divisors);
  const expected = candidates.find((e) => e.high >= claim.low && e.low <= claim.high) ?? candidates[0];
  return judgeDerived(claim, expected, {
    metric: total.metric,
    source: total.source,
    basis: `${total.label}÷${rule.label}`,
  });
}

/** 累计96台: last year's cumulative (ledger) plus this year's new ones (text or ledger). */
function cumulativeFinding(
  claim: ExtractedClaim,
  claims: readonly ExtractedClaim[],
  text: string,
  index: LedgerIndex,
  year: number,
): Finding | null {
  const lead = text.slice(Math.max(claim.sentenceStart, claim.lead - 30), claim.lead);
  if (!lead.includes('累计') || /(全年|年内|当年|今年|本年)累计/.test(lead)) return null;
  const context = text.slice(claim.sentenceStart, claim.sentenceEnd);
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
}

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
  const ledger = index && year !== null ? { index, year } : null;
  if (claim.kind === 'yoy' || claim.kind === 'pp' || claim.kind === 'delta') {
    return ledger ? changeFinding(claim, claims, text, ledger.index, ledger.year) : null;
  }
  if (claim.kind === 'percent') {
    return (
      shareFinding(claim, claims, text, index, year) ??
      completionFinding(claim, claims, text, index, year) ??
      rateFinding(claim, claims, text, index, year)
    );
  }
  if (!levelKinds.has(claim.kind)) return null;
  return (
    averageFinding(claim, claims, text, index, year) ??
    (ledger ? cumulativeFinding(claim, claims, text, ledger.index, ledger.year) : null)
  );
}
