import type { ChunkFilter } from './types.ts';

/** A SQL string literal for LanceDB (DataFusion) filters: single quotes doubled. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `IN (…)` list of string literals. */
export function sqlList(values: string[]): string {
  return `(${values.map(sqlString).join(', ')})`;
}

/**
 * The WHERE clause of a chunk filter, or null when nothing is filtered. Several office names match any.
 * @example filterToWhere({ year: 2016, org: '甘泉路街道' }) // "`year` = 2016 AND `org` = '甘泉路街道'"
 */
export function filterToWhere(filter: ChunkFilter): string | null {
  const terms: string[] = [];
  if (filter.year !== undefined) terms.push(`\`year\` = ${Math.trunc(filter.year)}`);
  if (typeof filter.org === 'string') terms.push(`\`org\` = ${sqlString(filter.org)}`);
  else if (filter.org !== undefined)
    terms.push(filter.org.length > 0 ? `\`org\` IN ${sqlList([...filter.org])}` : 'false');
  if (filter.part !== undefined) terms.push(`\`part\` = ${Math.trunc(filter.part)}`);
  if (filter.section !== undefined) terms.push(`\`section\` = ${sqlString(filter.section)}`);
  return terms.length > 0 ? terms.join(' AND ') : null;
}
