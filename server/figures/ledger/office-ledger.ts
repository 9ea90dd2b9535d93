/**
 * The one rule for which ledger rows an office's check, draft or chat answer may use: the rows of
 * that office, plus rows that name no office when only one office is present (a 0.1 store, a
 * single office's ledger). With several offices present, rows without an office are left out and
 * the notice says how to assign them; with no office named, several offices mean no rows at all.
 */
import { sameOrg } from '../../report/index.ts';
import type { LedgerRecord } from '../types.ts';

/** A message for users (Chinese) with its English cause. */
export interface OfficeNotice {
  zh: string;
  en: string;
}

/** The rows one office may use, and what the caller should tell the user about them. */
export interface OfficeLedger {
  /** The office whose rows these are (as named by the caller, or the single office present), or null. */
  office: string | null;
  records: LedgerRecord[];
  /** Rows with no office that were left out because several offices are present. */
  unassigned: number;
  notice: OfficeNotice | null;
}

/** The distinct offices among names (one entry per office, the first name met). */
export function distinctOffices(names: readonly (string | null | undefined)[]): string[] {
  const out: string[] = [];
  // A ledger repeats its office on every row: each spelling is compared once.
  for (const name of new Set(names)) if (name && !out.some((o) => sameOrg(o, name))) out.push(name);
  return out;
}

const list = (offices: string[]): string =>
  offices.length > 4
    ? `${offices.slice(0, 4).join('\u3001')}等${offices.length}个单位`
    : offices.join('\u3001');

/** How to assign rows with no office: the command and the route. */
export function assignHint(count: number, offices: string[]): OfficeNotice {
  return {
    zh: `台账中有${count}条记录未标明单位，而库中有多个单位（${list(offices)}），这些记录未被使用\uFF1A请用 govdraft ledger assign --org 单位名称 [--file 台账文件名] 指定所属单位（或 POST /api/ledger/assign），或在台账中加“单位名称”列后重新导入`,
    en: `${count} ledger record(s) name no office and the store holds several offices; they were not used: assign them with govdraft ledger assign --org NAME [--file FILE]`,
  };
}

/**
 * The ledger rows an office may use. `present` lists the offices the store knows besides the rows'
 * own (the orgs of stored reports).
 * @example officeLedger(rows, '殷行街道', ['殷行街道', '五角场街道']).records // 殷行街道's rows only
 */
export function officeLedger(
  records: readonly LedgerRecord[],
  office: string | null,
  present: readonly (string | null | undefined)[],
): OfficeLedger {
  const offices = distinctOffices([...present, ...records.map((r) => r.org)]);
  const unassigned = records.filter((r) => !r.org);
  if (office === null && offices.length > 1) {
    return {
      office: null,
      records: [],
      unassigned: unassigned.length,
      notice: {
        zh: `库中有多个单位的台账（${list(offices)}），无法确定使用哪个单位的数字\uFF1A请用 --org 指定单位（网页和接口为 org 字段），或在文中写明单位名称`,
        en: 'The store holds several offices and none was named: give --org (or org) to choose one',
      },
    };
  }
  const named = office ?? offices[0] ?? null;
  const others = named === null ? [] : offices.filter((o) => !sameOrg(o, named));
  const own = named === null ? [] : records.filter((r) => r.org && sameOrg(r.org, named));
  if (others.length === 0)
    return { office: named, records: [...own, ...unassigned], unassigned: 0, notice: null };
  const hint =
    unassigned.length > 0 ? assignHint(unassigned.length, distinctOffices([named, ...offices])) : null;
  const none: OfficeNotice | null =
    own.length === 0 && named !== null
      ? {
          zh: `台账中没有“${named}”的记录（库中其他单位：${list(others)}）`,
          en: `The ledger holds no record of ${named}`,
        }
      : null;
  const notice =
    none && hint ? { zh: `${none.zh}；${hint.zh}`, en: `${none.en}; ${hint.en}` } : (none ?? hint);
  return { office: named, records: own, unassigned: unassigned.length, notice };
}
