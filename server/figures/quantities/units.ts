import type { ClaimKind } from '../types.ts';

/** A written unit resolved to its canonical unit and the factor that converts into it. */
export interface UnitInfo {
  /** Canonical unit, e.g. 元 for 万元, 平方米 for 公顷. */
  unit: string;
  /** Multiply a value written in this unit by `factor` to get base units. */
  factor: number;
  kind: ClaimKind;
}

const money: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8, 千元: 1e3, 百万元: 1e6 };
const area: Record<string, number> = {
  平方米: 1,
  平米: 1,
  m2: 1,
  '㎡': 1,
  万平方米: 1e4,
  平方公里: 1e6,
  平方千米: 1e6,
  公顷: 1e4,
  亩: 10000 / 15,
  万亩: 1e4 * (10000 / 15),
};
const length: Record<string, number> = { 米: 1, 公里: 1000, 千米: 1000, 延米: 1, km: 1000, 延长米: 1 };
const weight: Record<string, number> = { 吨: 1, 万吨: 1e4, 千克: 1e-3, 公斤: 1e-3 };
/** Standard coal equivalent: energy, never comparable with a plain 吨 of anything. */
const coal: Record<string, number> = { 吨标准煤: 1, 万吨标准煤: 1e4 };
const volume: Record<string, number> = { 立方米: 1, 万立方米: 1e4 };
const power: Record<string, number> = { 千瓦: 1, 万千瓦: 1e4, 兆瓦: 1e3 };
const energy: Record<string, number> = { 千瓦时: 1, 万千瓦时: 1e4 };
/** Concentrations in air or water (PM2.5平均浓度37.1微克/立方米). */
const concentration: Record<string, number> = { '微克/立方米': 1, '毫克/立方米': 1e3 };
const duration: Record<string, number> = { 年: 1, 个月: 1 / 12 };
/** Ages: thresholds of definitions (90周岁以上老人) far more often than figures. */
const age: Record<string, number> = { 岁: 1, 周岁: 1 };

/** Measure words of counts; the canonical unit of a count is its measure word. */
export const countWords: readonly string[] = [
  '人次',
  '户次',
  '家次',
  '册次',
  '批次',
  '架次',
  '车次',
  '场次',
  '件次',
  '亩次',
  '人',
  '名',
  '户',
  '家',
  '个',
  '件',
  '处',
  '场',
  '次',
  '条',
  '块',
  '扇',
  '具',
  '台',
  '张',
  '批',
  '支',
  '所',
  '座',
  '栋',
  '幢',
  '间',
  '套',
  '辆',
  '项',
  '份',
  '篇',
  '期',
  '本',
  '册',
  '位',
  '只',
  '盏',
  '棵',
  '株',
  '起',
  '宗',
  '例',
  '类',
  '种',
  '部',
  '轮',
  '届',
  '节',
  '课时',
  '学时',
  '小时',
  '对',
  '组',
  '艘',
  '架',
  '班',
  '头',
  '羽',
  '枚',
  '笔',
  '箱',
  '袋',
  '根',
  '瓶',
  '门',
  '天',
  '床',
  '张床',
];

/** Measure words that are interchangeable when matching a claim to a ledger row (户/家庭, 人/名). */
const countSynonyms: Record<string, string> = { 名: '人', 位: '人', 家庭: '户', 张床: '床' };

/**
 * Resolves a written unit (万元, 公顷, 人次, %, 个百分点…) to its canonical form.
 * Counts with a 万 prefix (万人次) scale into their measure word. Returns null for unknown units.
 * @example normalizeUnit('万元') // { unit: '元', factor: 10000, kind: 'amount' }
 */
export function normalizeUnit(written: string): UnitInfo | null {
  const cached = resolved.get(written);
  if (cached !== undefined) return cached;
  const info = resolve(written.trim().replace(/\s+/g, ''));
  // Frozen: the same object is handed to every caller asking for this unit.
  const result = info ? Object.freeze(info) : null;
  if (resolved.size < 10_000) resolved.set(written, result);
  return result;
}

const resolved = new Map<string, UnitInfo | null>();
const countSet = new Set(countWords);
const has = (table: Record<string, number>, u: string): boolean => Object.hasOwn(table, u);

function resolve(u: string): UnitInfo | null {
  if (has(money, u)) return { unit: '元', factor: money[u], kind: 'amount' };
  if (has(area, u)) return { unit: '平方米', factor: area[u], kind: 'area' };
  if (has(length, u)) return { unit: '米', factor: length[u], kind: 'length' };
  if (has(weight, u)) return { unit: '吨', factor: weight[u], kind: 'weight' };
  if (has(coal, u)) return { unit: '吨标准煤', factor: coal[u], kind: 'weight' };
  if (has(volume, u)) return { unit: '立方米', factor: volume[u], kind: 'volume' };
  if (has(power, u)) return { unit: '千瓦', factor: power[u], kind: 'power' };
  if (has(energy, u)) return { unit: '千瓦时', factor: energy[u], kind: 'energy' };
  if (has(concentration, u)) return { unit: '微克/立方米', factor: concentration[u], kind: 'concentration' };
  if (u === '%' || u === '％' || u === '百分比') return { unit: '%', factor: 1, kind: 'percent' };
  if (u === '个百分点' || u === '百分点') return { unit: '个百分点', factor: 1, kind: 'pp' };
  if (u === '倍') return { unit: '倍', factor: 1, kind: 'percent' };
  if (u === '名次' || u === '位次') return { unit: '名', factor: 1, kind: 'rank' };
  if (has(duration, u)) return { unit: '年', factor: duration[u], kind: 'duration' };
  if (has(age, u)) return { unit: '岁', factor: 1, kind: 'duration' };
  if (u.startsWith('万') && u.length > 1) {
    const inner = resolve(u.slice(1));
    if (inner && inner.kind === 'count') return { ...inner, factor: inner.factor * 1e4 };
  }
  if (countSet.has(u) || Object.hasOwn(countSynonyms, u)) return { unit: u, factor: 1, kind: 'count' };
  return null;
}

const canonicalCount = (u: string): string => (Object.hasOwn(countSynonyms, u) ? countSynonyms[u] : u);

/** True when a claim in unit `a` can be compared with a ledger value in unit `b` (人 ~ 名, 户 ~ 家庭). */
export function unitsCompatible(a: string, b: string): boolean {
  return a === b || canonicalCount(a) === canonicalCount(b);
}

/** Every written unit normalizeUnit knows, longest first: for reading a unit right after a number. */
export const writtenUnits: readonly string[] = [
  ...Object.keys(money),
  ...Object.keys(area),
  ...Object.keys(length),
  ...Object.keys(weight),
  ...Object.keys(coal),
  ...Object.keys(volume),
  ...Object.keys(power),
  ...Object.keys(energy),
  ...Object.keys(concentration),
  ...Object.keys(duration),
  ...Object.keys(age),
  ...countWords,
  ...Object.keys(countSynonyms),
  '%',
  '％',
  '个百分点',
  '百分点',
  '倍',
  '名次',
  '位次',
].sort((a, b) => b.length - a.length);

/** Kinds of figures that state a level (a count, an amount, an area…): what sums, averages and rates are made of. */
export const levelKinds: ReadonlySet<string> = new Set([
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

/** Written units by their first character, longest first. */
const unitsByFirst = new Map<string, string[]>();
for (const unit of writtenUnits) {
  const list = unitsByFirst.get(unit[0]) ?? [];
  list.push(unit);
  unitsByFirst.set(unit[0], list);
}

/** The first unit written at `at` (longest match), or null. */
export function readUnit(text: string, at: number): string | null {
  for (const unit of unitsByFirst.get(text[at]) ?? []) {
    if (text.startsWith(unit, at)) return unit;
  }
  return null;
}
