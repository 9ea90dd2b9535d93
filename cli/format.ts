/** Display helpers for the terminal: citations and wrapped passages (rendering only, no domain logic). */

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二: part numbers as (一)…(十二) headings show them. */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return digits[n] ?? String(n);
  if (n < 20) return `十${digits[n - 10]}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}

export interface CitationLike {
  reportTitle: string;
  year: number;
  part: number;
  partTitle: string;
  paragraph: number;
  section: string;
}

const sectionNames: Record<string, string> = {
  title: '标题',
  preamble: '开头',
  closing: '存在问题',
  footnote: '注释',
};

/** 《甘泉路街道2016年工作总结》(二)补齐发展短板,公共管理走向精细 */
export function citationLabel(c: CitationLike): string {
  const where =
    c.section === 'part'
      ? `(${chineseOrdinal(c.part)})${c.partTitle}`
      : (sectionNames[c.section] ?? c.section);
  return `《${c.reportTitle}》${where}`;
}

/** Indents a passage for display under its citation. */
export function indent(text: string, prefix = '    '): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
