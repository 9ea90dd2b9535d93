/**
 * Writing to the data dir can fail for reasons no retry will cure — a read-only file system, no
 * permission, a file where a folder should be, a full disk. These are told at once as what they
 * are, without the absolute path (API messages reach other machines).
 */
import { GovdraftError } from './errors.ts';

/** What was being done, for the message: { zh: '保存草稿', en: 'save the draft' }. */
export interface StorageAction {
  zh: string;
  en: string;
}

const unwritable: Record<string, string> = {
  EROFS: '只读文件系统',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  ENOTDIR: '路径中有同名文件而不是目录',
  // mkdir of a path that is a file
  EEXIST: '路径中有同名文件而不是目录',
};
const full: Record<string, string> = { ENOSPC: '磁盘空间不足', EDQUOT: '超出磁盘配额' };

/** LanceDB reports OS errors by number inside its message: "…(os error 30)". */
const byOsError: Record<number, string> = {
  1: 'EPERM',
  13: 'EACCES',
  20: 'ENOTDIR',
  28: 'ENOSPC',
  30: 'EROFS',
  122: 'EDQUOT',
};

function codeOf(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && (code in unwritable || code in full)) return code;
  const os = /\(os error (\d+)\)/.exec(error instanceof Error ? error.message : String(error))?.[1];
  return os ? (byOsError[Number(os)] ?? null) : null;
}

/**
 * The GovdraftError (`storage_unwritable` 不可写 or `storage_full` 空间不足) for an error that
 * comes from the data dir's file system, else null (the caller rethrows the original).
 * @example storageError(erofs, { zh: '保存草稿', en: 'save the draft' })?.messageZh
 * // '数据目录不可写（只读文件系统），无法保存草稿；请检查 GOVDRAFT_DATA_DIR 的位置和权限'
 */
export function storageError(error: unknown, action: StorageAction): GovdraftError | null {
  if (GovdraftError.isInstance(error)) return null;
  const code = codeOf(error);
  if (!code) return null;
  if (code in full) {
    return new GovdraftError(
      'storage_full',
      `数据目录空间不足（${full[code]}），无法${action.zh}；请清理磁盘后重试`,
      `The data dir is full (${code}): cannot ${action.en}`,
      { cause: error },
    );
  }
  return new GovdraftError(
    'storage_unwritable',
    `数据目录不可写（${unwritable[code]}），无法${action.zh}；请检查 GOVDRAFT_DATA_DIR 的位置和权限`,
    `The data dir is not writable (${code}): cannot ${action.en}`,
    { cause: error },
  );
}
