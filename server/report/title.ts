/** Reading the office and the year out of a report title (甘泉路街道2016年工作总结 → 甘泉路街道, 2016). */

const cnYearDigits: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** A year written with Arabic digits or Chinese digits (二〇一六年), with its place in the text. */
const yearPattern = /((?:19|20)\d{2})\s*年|([一二][〇零一二三四五六七八九]{3})年/;

/** Suffixes that end the name of an office: 街道, 镇, 乡, 区…局, 委, 办… */
const officeSuffix =
  /(街道办事处|街道党工委|街道|办事处|人民政府|政府|委员会|办公室|管委会|党工委|党委|镇|乡|区|县|市|省|局|委|办|厅|署|处|科|所|站|中心|院|馆|队|部|会|公司|集团)$/;

/** Words that sit between the office and the year or the genre and are not part of the name. */
const strayWords = /^(关于)|(关于|的|年度|全年|上半年|下半年)$/g;

function cleanOrg(candidate: string): string | null {
  let org = candidate.trim();
  for (let previous = ''; previous !== org; ) {
    previous = org;
    org = org.replace(strayWords, '').trim();
  }
  return org.length >= 2 && org.length <= 30 && officeSuffix.test(org) ? org : null;
}

/**
 * The year a title names, or null.
 * @example titleYear('甘泉路街道2016年工作总结') // 2016
 * @example titleYear('二〇一六年工作总结') // 2016
 */
export function titleYear(title: string): number | null {
  const m = yearPattern.exec(title);
  if (!m) return null;
  if (m[1]) return Number(m[1]);
  return Number([...m[2]].map((c) => cnYearDigits[c]).join(''));
}

/**
 * The office a title names: the text before the year (甘泉路街道2016年工作总结), or after it
 * (2016年甘泉路街道工作总结), when it ends like an office name; null otherwise.
 * @example titleOrg('上海市普陀区民政局关于2016年工作的总结') // '上海市普陀区民政局'
 */
export function titleOrg(title: string): string | null {
  const m = yearPattern.exec(title);
  if (m) {
    const before = cleanOrg(title.slice(0, m.index));
    if (before) return before;
    const after = /^(.*?)(?:工作|年度|总结|报告|情况|述职)/.exec(title.slice(m.index + m[0].length));
    return after ? cleanOrg(after[1]) : null;
  }
  const genre = /^(.*?)(?:关于|年度|工作|总结|报告)/.exec(title);
  return genre ? cleanOrg(genre[1]) : null;
}
