import { GovdraftError } from '../errors.ts';
import { isObjectStoreUri } from './location.ts';
import type { BulkStore } from './store.ts';
import type { StoreOptions } from './store-options.ts';

/** What went wrong reaching an object store, in words for users, from LanceDB's (long) error text. */
const objectStoreProblems: [RegExp, string][] = [
  [/NoSuchBucket|bucket does not exist/i, '存储桶不存在，请先在对象存储上创建'],
  [/credentials/i, '没有可用的访问凭证，请设置 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY'],
  [
    /AccessDenied|SignatureDoesNotMatch|InvalidAccessKeyId|403 Forbidden/i,
    '访问被拒绝，请检查访问凭证与权限',
  ],
  [/connect|connection|dns|timed? ?out/i, '无法连接对象存储服务，请检查 AWS_ENDPOINT 与网络'],
];

/** The error for a store on an object store that could not be opened. */
function unreachable(uri: string, error: unknown): GovdraftError {
  const text = error instanceof Error ? error.message : String(error);
  const problem = objectStoreProblems.find(([pattern]) => pattern.test(text))?.[1] ?? '打开失败';
  // LanceDB repeats its cause chain several times over: the first line says what happened.
  const cause = text.split('\n')[0].slice(0, 400);
  return new GovdraftError(
    'store_unreachable',
    `无法打开资料库 ${uri}：${problem}`,
    `Cannot open the store at ${uri}: ${cause}`,
    { cause: error },
  );
}

/**
 * Opens (creating if needed) the store. LanceDB and Arrow, ~0.2 s to load, are imported here and not
 * when the store module is: a command that never opens the store never loads them.
 * @example const store = await openStore({ dataDir: '.govdraft', embedder: createLexicalEmbedder() })
 */
export async function openStore(options: StoreOptions): Promise<BulkStore> {
  const { openStore: open } = await import('./lance-open.ts');
  const uri = options.location?.uri;
  if (!uri || !isObjectStoreUri(uri)) return open(options);
  try {
    return await open(options);
  } catch (error) {
    throw GovdraftError.isInstance(error) ? error : unreachable(uri, error);
  }
}
