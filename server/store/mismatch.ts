import { GovdraftError } from '../errors.ts';

/** The error for stored vectors made by another embedder than the configured one. */
export function mismatch(stored: string, current: string): GovdraftError {
  return new GovdraftError(
    'embedding_mismatch',
    `资料库的向量由“${stored}”生成,当前配置的向量模型为“${current}”。请运行 govdraft reindex 重建索引后再检索。`,
    `The chunks were embedded with "${stored}" but the configured embedder is "${current}"; run \`govdraft reindex\``,
  );
}
