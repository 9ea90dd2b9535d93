/**
 * The words matching compares: jieba words and character bigrams with synonyms folded (户/家庭,
 * 人/名), digits dropped and empty words left out, and the written forms of each folded token.
 */
import { bigrams, segment } from '../../text/index.ts';

/** Word synonyms written differently in ledgers and reports. */
export const synonyms: Record<string, string> = {
  家庭: '户',
  户数: '户',
  名: '人',
  人数: '人',
  人员: '人',
  资金: '金额',
  经费: '金额',
  款项: '金额',
  总额: '金额',
  总金额: '金额',
  件数: '件',
  次数: '次',
  处数: '处',
  个数: '个',
  场次: '场',
  年数: '年',
};

/** Tokens that say nothing about which metric is meant. */
export const stopTokens = new Set([
  '数',
  '的',
  '和',
  '及',
  '与',
  '共',
  '为',
  '全年',
  '年度',
  '数量',
  '总数',
  '报告',
  '表述',
]);

/** Digits and number punctuation: no evidence of which metric is meant. */
export const digitRuns = /[0-9０-９.%,]+/g;

/** Words (jieba, search mode) and character bigrams of a phrase, synonyms folded, digits dropped. */
export function matchTokens(text: string): Set<string> {
  const out = new Set<string>();
  const clean = text.replace(digitRuns, ' ');
  for (const word of segment(clean)) {
    const w = synonyms[word] ?? word;
    if (!stopTokens.has(w)) out.add(w);
  }
  for (const pair of bigrams(clean)) if (!stopTokens.has(pair)) out.add(pair);
  return out;
}

/** Every written form of a folded token: 户 → 户, 家庭, 户数. */
export const variantsOf = new Map<string, string[]>();
for (const [written, folded] of Object.entries(synonyms)) {
  const list = variantsOf.get(folded) ?? [folded];
  list.push(written);
  variantsOf.set(folded, list);
}

/** The written forms of a folded token (户 → 户, 家庭, 户数), for looking a metric's words up in text. */
export function tokenVariants(token: string): readonly string[] {
  return variantsOf.get(synonyms[token] ?? token) ?? [token];
}
