/** Reading the office and the years out of a report title (甘泉路街道2016年工作总结 → 甘泉路街道, 2016). */
import { isOfficeName } from './org.ts';

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
const yearsPattern = new RegExp(yearPattern.source, 'g');

/**
 * Words that start what a title says about the office, not its name: the genre and the topic
 * (工作总结, 政府信息公开, 社代会报告, 经济社会发展…).
 */
const afterName =
  /关于|政府工作|政府信息公开|信息公开|社代会|人代会|党代会|职代会|经济社会发展|工作|年度|总结|报告|情况|述职|主要|上半年|下半年|全年/;
/** Words between the year and the office (2013年度谢塘镇…, 2016年上半年润雅乡…). */
const leadWords = /^(度|上半年|下半年|全年|第[一二三四]季度)+/;
/** A region a site put in brackets before the office: (金华市)金东区澧浦镇. */
const bracketedRegion = /^[(\uFF08][^()\uFF08\uFF09]{2,8}[)\uFF09]/;

function cleanOrg(candidate: string): string | null {
  let org = candidate.trim().replace(bracketedRegion, '');
  const cut = afterName.exec(org);
  if (cut) org = org.slice(0, cut.index);
  org = org.replace(/的$/, '').trim();
  return isOfficeName(org) ? org : null;
}

function yearOf(m: RegExpExecArray | RegExpMatchArray): number {
  if (m[1]) return Number(m[1]);
  return Number([...m[2]].map((c) => cnYearDigits[c]).join(''));
}

/**
 * The year a title names, or null.
 * @example titleYear('甘泉路街道2016年工作总结') // 2016
 * @example titleYear('二〇一六年工作总结') // 2016
 */
export function titleYear(title: string): number | null {
  const m = yearPattern.exec(title);
  return m ? yearOf(m) : null;
}

/**
 * The year after the report's own that a two-year title plans for (××2023年工作总结和2024年工作思路),
 * or null when the title names one year.
 * @example titlePlanYear('东柳街道2023年工作总结和2024年工作思路') // 2024
 */
export function titlePlanYear(title: string): number | null {
  const years = [...title.matchAll(yearsPattern)].map(yearOf);
  return years.length >= 2 && years[1] === years[0] + 1 ? years[1] : null;
}

/**
 * The office a title names: the text before the year (甘泉路街道2016年工作总结), or after it
 * (2016年甘泉路街道工作总结), up to the genre or topic words, when it ends like an office name.
 * @example titleOrg('上海市普陀区民政局关于2016年工作的总结') // '上海市普陀区民政局'
 * @example titleOrg('2020年塘桥街道社代会报告') // '塘桥街道'
 */
export function titleOrg(title: string): string | null {
  const m = yearPattern.exec(title);
  if (m) {
    const before = cleanOrg(title.slice(0, m.index));
    if (before) return before;
    return cleanOrg(title.slice(m.index + m[0].length).replace(leadWords, ''));
  }
  return cleanOrg(title);
}
