/**
 * Who wrote a material: the department (科室) or 居委/村 named by the writer (--from), else by the
 * material itself — its title (社区服务办公室2017年工作总结), a signature line under the title
 * (社区管理办公室), its file name (甘泉苑居委会2017年工作小结.txt) — and how the report names it.
 */

import type { Report } from '../report/index.ts';
import { isOfficeName, titleOrg } from '../report/index.ts';

/** A line that is nothing but a unit's name: 2–20 Han characters ending like an office's name. */
function bareName(line: string): string | null {
  const text = line.trim().replace(/^[（(【[]|[）)】\]]$/g, '');
  return /^[\u4E00-\u9FA5]{2,20}$/.test(text) && isOfficeName(text) ? text : null;
}

/** The unit a file name names: its stem without the year, the genre words and separators. */
function fileUnit(fileName: string): string | null {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const named = titleOrg(stem);
  if (named) return named;
  for (const piece of stem.split(/[-_—–·\s]+|(?:19|20)\d{2}年?(?:度)?/)) {
    const name = bareName(piece.replace(/(工作|年度)?(总结|小结|汇报|报告|要点|回顾|材料)$/, ''));
    if (name) return name;
  }
  return null;
}

/**
 * The department of a material: `given` (trimmed) when the writer named it, else the office its
 * title names, else a short line of its preamble that names a unit (a second title line, a
 * signature), else its file name; '未注明部门' when none says.
 * @example departmentOf(parsed('2017年社区管理工作小结\n社区管理办公室\n…')) // '社区管理办公室'
 */
export function departmentOf(report: Report, given?: string | null): string {
  const named = given?.trim();
  if (named) return named;
  const fromTitle = titleOrg(report.title);
  if (fromTitle) return fromTitle;
  for (const line of [report.title, ...report.preamble.slice(0, 3).map((p) => p.text)]) {
    // A short line without a sentence in it: a second title line or a signature.
    const name = line.length <= 40 && !/[，,。；;]/.test(line) ? (bareName(line) ?? titleOrg(line)) : null;
    if (name) return name;
  }
  return (report.source.fileName ? fileUnit(report.source.fileName) : null) ?? report.org ?? '未注明部门';
}

/** Units whose own name stays in the report (a centre, a 居委): an office of the street is its voice. */
const namedUnit = /(中心|居委会|居委|居民区|村委会|村|社区|所|站|队|馆|院|服务社|工作站)$/;

/**
 * How the report names the unit that wrote a material, or null when it speaks as the street itself
 * (its offices: 办公室, 科, 办): a 居委 becomes its 居民区, a centre keeps its name.
 * @example reportSubject('甘泉苑居委会') // '甘泉苑居民区'
 * @example reportSubject('社区服务办公室') // null
 */
export function reportSubject(department: string): string | null {
  if (!namedUnit.test(department)) return null;
  return department.replace(/(居民委员会|居委会|居委)$/, '居民区').replace(/(村民委员会|村委会)$/, '村');
}
