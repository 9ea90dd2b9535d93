/**
 * The metadata block of a government site's page (索引号, 发布机构, 发布日期, 信息来源…), as label
 * lines, pipe-table rows, bulleted lists or bare value lines. Metadata is kept in the reference text
 * but left out of the report's structure; its 标题/信息名称 and 发布机构/信息来源 values stand in for a
 * title or an office the page does not otherwise give.
 */
import type { Span } from '../text/index.ts';

/** Labels of the metadata fields government sites show above a document. */
const labels = [
  '信息索引号',
  '索引号',
  '索取号',
  '主题分类',
  '主题词',
  '体裁分类',
  '组配分类',
  '法定主动公开分类',
  '发布机构',
  '发文机关',
  '发文机构',
  '发布单位',
  '发布部门',
  '所属机构',
  '发文字号',
  '文号',
  '文件编号',
  '生成日期',
  '成文日期',
  '公开日期',
  '发布日期',
  '发文日期',
  '发文时间',
  '发布时间',
  '废止日期',
  '公开方式',
  '公开范围',
  '公开时限',
  '公开形式',
  '公开程序',
  '公开类别',
  '效力状况',
  '有效性',
  '有效期',
  '关键词',
  '主题',
  '体裁',
  '内容概述',
  '信息名称',
  '文件名称',
  '标题',
  '信息来源',
  '来源',
  '浏览次数',
  '阅读次数',
  '浏览量',
  '字体大小',
];

/** Labels whose value names the document. */
const titleLabels = new Set(['标题', '信息名称', '文件名称', '内容概述']);
/** Labels whose value names the office that published it. */
const orgLabels = new Set(['发布机构', '发文机关', '发文机构', '发布单位', '发布部门', '信息来源', '来源']);

/** Bullets, dashes and brackets that open a metadata line: •, -, [ 索引号 ], 【字体. */
const opener = /^[\s•·\-*【[]+/;
/** A label as written: its characters possibly spaced (索 引 号), optionally bracketed, then a colon, pipe or space. */
const labelPattern = new RegExp(
  `^(${labels.map((l) => [...l].join('\\s*')).join('|')})(?:[(\uFF08][^)\uFF09]{1,6}[)\uFF09])?\\s*\\]?\\s*([:\uFF1A|]|\\s|$)`,
);
const anyLabel = new RegExp(
  `(${labels.map((l) => [...l].join('\\s*')).join('|')})(?:[(\uFF08][^)\uFF09]{1,6}[)\uFF09])?\\s*\\]?\\s*[:\uFF1A|\\s]`,
  'g',
);

/** An index number or a date standing alone on a line (1137010400419034XU/2023-5407598, 2023-01-16 15:00). */
const bareValue = /^([0-9A-Za-z-]*\/\d{4}-\d{3,}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?)$/;

/** A metadata line read: its label and where its value is inside the line. */
export interface MetadataField {
  label: string;
  /** The value's span relative to the line ('' span when the label stands alone). */
  value: Span;
}

const squashLabel = (label: string): string => label.replace(/\s+/g, '');

/**
 * The field a line opens with (索引号: …, 标 题: | …, • 发布机构:), or null.
 * @example metadataField('标题:某局2020年工作总结 | |')?.label // '标题'
 */
export function metadataField(line: string): MetadataField | null {
  const open = opener.exec(line)?.[0].length ?? 0;
  const m = labelPattern.exec(line.slice(open));
  if (!m) return null;
  const label = squashLabel(m[1]);
  let start = open + m[0].length;
  while (start < line.length && /[\s|:\uFF1A]/.test(line[start])) start++;
  let end = line.length;
  const pipe = line.indexOf('|', start);
  if (pipe >= 0) end = pipe;
  while (end > start && /\s/.test(line[end - 1])) end--;
  return { label, value: { start, end } };
}

/** How many metadata labels a line holds (a table row holds several). */
function labelCount(line: string): number {
  return new Set([...line.matchAll(anyLabel)].map((m) => squashLabel(m[1]))).size;
}

/**
 * True when a line is part of a page's metadata: a field line, a table row of several fields, or a
 * bare index number or date.
 * @example isMetadataLine('公开形式 网站 公开方式 主动公开 公开范围 面向社会') // true
 * @example isMetadataLine('来源广泛的社会力量参与社区治理。') // false
 */
export function isMetadataLine(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > 160) return false;
  if (bareValue.test(text)) return true;
  if (labelCount(text) >= 2) return true;
  const field = metadataField(text);
  if (!field) return false;
  // A long line after a lone label is prose that starts with a label-like word (来源广泛的…).
  return /[:\uFF1A|]/.test(text.slice(0, field.value.start)) || text.length <= 40;
}

/** True when a metadata line is a label whose value sits on the next line (• 发布机构:). */
export function isLabelOnly(line: string): boolean {
  const field = metadataField(line.trim());
  return field !== null && field.value.start >= field.value.end;
}

/** The value of a title field (标题, 信息名称, 文件名称, 内容概述), relative to the line, or null. */
export function titleField(line: string): Span | null {
  const field = metadataField(line);
  return field && titleLabels.has(field.label) && field.value.end > field.value.start ? field.value : null;
}

/** The value of an office field (发布机构, 信息来源…), relative to the line, or null. */
export function orgField(line: string): string | null {
  const field = metadataField(line);
  if (!field || !orgLabels.has(field.label)) return null;
  const value = line.slice(field.value.start, field.value.end);
  // 信息来源:中山市民政局 发布日期:… holds the next field on the same line.
  return value.split(/\s+/)[0] || null;
}
