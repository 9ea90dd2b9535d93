/** The year a report covers, read from its title or first lines. */
import { readNumeral } from '../quantities/index.ts';

/** How many leading non-empty lines may state the year (title, subtitle, date line). */
const headLines = 5;

/** A year written in a line: 2016年, 2016年度, 二〇一六年; null when none. */
function yearIn(line: string): number | null {
  // The end of a span of years (2011-2015年) is not the year a report covers.
  const arabic = line.match(/(?<![0-9]|[0-9][-–—~至到])((?:19|20)[0-9]{2})\s*年/);
  if (arabic) return Number(arabic[1]);
  const chinese = line.match(/[〇零一二三四五六七八九]{4}年/);
  if (chinese?.index !== undefined) {
    const numeral = readNumeral(line, chinese.index);
    if (numeral && numeral.value >= 1900 && numeral.value <= 2100) return numeral.value;
  }
  return null;
}

/**
 * The year a report covers, from its title or first lines (甘泉路街道2016年工作总结 → 2016); a line
 * naming a summary or report wins over an earlier line. Null when the head states no year.
 */
export function reportYear(text: string): number | null {
  const lines = text
    .slice(0, 2000)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(0, headLines);
  const titled = lines.find((l) => /总结|报告|汇报/.test(l) && yearIn(l) !== null);
  if (titled) return yearIn(titled);
  for (const line of lines) {
    const year = yearIn(line);
    if (year !== null) return year;
  }
  return null;
}
