/**
 * Whether a figure's wording states what a ledger metric names: every content word of the metric
 * name (区级, 税收 in 区级税收年度目标完成率) must be written in the figure's subject, its sentence or
 * its paragraph before it. Measure words, generic words (数, 总数, 金额) and the words of a figure's
 * kind (目标, 新增, 累计, 日均, 同比, 排名 — judged by facets) are not content. Abbreviations count
 * (拆违 is written in 拆除违法建筑): a word is covered when its characters appear in order, close
 * together.
 */
import { words } from '../../text/index.ts';
import { countWords } from '../quantities/index.ts';

/** Words that say nothing about which thing is counted. */
const generic = new Set([
  ...countWords,
  '数',
  '量',
  '额',
  '率',
  '的',
  '和',
  '及',
  '与',
  '共',
  '数量',
  '总数',
  '总量',
  '个数',
  '人数',
  '户数',
  '件数',
  '次数',
  '处数',
  '场次',
  '人次',
  '户次',
  '年数',
  '面积',
  '里程',
  '长度',
  '重量',
  '金额',
  '总额',
  '总金额',
  '资金',
  '经费',
  '情况',
  '同比',
  '环比',
  '变化',
  '增减',
  '幅度',
  '变动',
  '增长',
  '增幅',
  '增速',
  '增长率',
  '降幅',
  '涨幅',
  '排名',
  '名次',
  '排位',
  '全年',
  '年度',
  '当年',
  '本年',
  '全区',
  '全市',
  '全县',
  '全镇',
  '累计',
  '新增',
  '目标',
  '任务',
  '计划',
  '完成',
  '完成率',
  '日均',
  '月均',
  '人均',
  '户均',
  '平均',
  '其中',
  '合计',
  '总计',
]);

/** Generic endings a word may carry (就业人数, 步道数): the rest of the word is its content. */
const genericEndings =
  /(人数|户数|件数|次数|处数|场次|人次|年数|个数|总数|数量|面积|里程|长度|金额|数|量|率|额)$/;

/** Marks a writer puts inside names (市、区级, “三车”) that a metric name leaves out. */
const inNameMarks = /[、“”"‘’《》「」\s·]/g;

const contentCache = new Map<string, string[]>();

/** The content words of a metric name, as written (cached: a ledger's names are few). */
export function contentWords(metric: string): string[] {
  const cached = contentCache.get(metric);
  if (cached) return cached;
  const out: string[] = [];
  for (const word of words(metric)) {
    if (generic.has(word) || /^[0-9.%]+$/.test(word)) continue;
    const stem = word.length > 1 ? word.replace(genericEndings, '') : word;
    if (stem.length === 0 || generic.has(stem)) continue;
    out.push(stem);
  }
  const unique = [...new Set(out)];
  if (contentCache.size < 10_000) contentCache.set(metric, unique);
  return unique;
}

/** True when `word`'s characters appear in `text` in order, each within 3 characters of the last. */
export function abbreviated(word: string, text: string): boolean {
  for (let at = text.indexOf(word[0]); at >= 0; at = text.indexOf(word[0], at + 1)) {
    let cursor = at;
    let ok = true;
    for (const ch of word.slice(1)) {
      const next = text.indexOf(ch, cursor + 1);
      if (next < 0 || next - cursor > 4) {
        ok = false;
        break;
      }
      cursor = next;
    }
    if (ok) return true;
  }
  return false;
}

/**
 * True when the evidence states `word`: as written, abbreviated, or — for a word the segmenter
 * glued across two (违销项 of 拆违销项) — as one character and the rest, each stated.
 */
function stated(word: string, evidence: string, forms: readonly string[]): boolean {
  if (forms.some((f) => evidence.includes(f)) || abbreviated(word, evidence)) return true;
  if (word.length < 3) return false;
  const head = word.slice(0, 1);
  const tail = word.slice(-1);
  return (
    (evidence.includes(head) && stated(word.slice(1), evidence, [word.slice(1)])) ||
    (evidence.includes(tail) && stated(word.slice(0, -1), evidence, [word.slice(0, -1)]))
  );
}

/** The text a metric's words are looked for in, with in-name marks removed. */
export function evidenceText(parts: readonly string[]): string {
  return parts.join('|').replace(inNameMarks, '');
}

/**
 * The content words of `metric` the evidence states, and those it does not.
 * @example coverage('区级税收年度目标完成率', evidenceText(['完成年度目标', '帮助就业困难人员就业85人…']))
 * // { found: [], missing: ['区级', '税收'] }
 */
export function coverage(
  metric: string,
  evidence: string,
  variants: (word: string) => readonly string[] = (w) => [w],
): { found: string[]; missing: string[] } {
  const found: string[] = [];
  const missing: string[] = [];
  for (const word of contentWords(metric)) {
    if (stated(word, evidence, variants(word))) found.push(word);
    else missing.push(word);
  }
  return { found, missing };
}

/** The words of `own` (a subject's content words) that a metric's text does not name, as written or abbreviated. */
export function unnamedWords(own: readonly string[], metricText: string): string[] {
  return own.filter((w) => !metricText.includes(w) && !abbreviated(w, metricText));
}

/** The words of a subject (segmented once per figure by callers that weigh many metrics). */
export function subjectWords(subject: string | readonly string[]): readonly string[] {
  return typeof subject === 'string' ? words(subject.replace(inNameMarks, '')) : subject;
}

/** Words that place or total a stock without singling any out (全街道共有小区45个, 辖区现有企业). */
const stockFillers = new Set([
  '全街道',
  '街道',
  '全镇',
  '全区',
  '全县',
  '全市',
  '辖区',
  '区域',
  '范围',
  '共有',
  '现有',
  '已有',
  '拥有',
  '设有',
  '下辖',
  '管辖',
  '共',
  '有',
  '全部',
  '各类',
  '共计',
  '总计',
  '合计',
  '截至',
  '年末',
  '年底',
  '目前',
  '境内',
]);

/**
 * For a metric that names only the thing counted (小区数: a stock of all of them), the words of a
 * figure's subject that single some out (完成, 改造 in 完成3个小区改造); [] when the subject says no
 * more than the thing and where it is. Metrics naming more than one thing return [].
 * @example subsetWords('小区数', '完成小区改造') // ['完成', '改造']
 */
export function subsetWords(metric: string, subject: string | readonly string[]): string[] {
  const named = contentWords(metric);
  if (named.length !== 1) return [];
  const thing = named[0];
  return subjectWords(subject).filter(
    (w) =>
      !thing.includes(w) &&
      !w.includes(thing) &&
      !generic.has(w) &&
      !stockFillers.has(w) &&
      w.length >= 2 &&
      /\p{Script=Han}/u.test(w),
  );
}
