import type { Config } from '../config.ts';
import { createLexicalEmbedder } from './embed-lexical.ts';
import { createOpenAIEmbedder } from './embed-openai.ts';
import type { Embedder } from './types.ts';

/** The configured embedder: the endpoint's model when `GOVDRAFT_EMBED_MODEL` is set, else the local lexical one. */
export function createEmbedder(config: Config): Embedder {
  const endpoint = config.model;
  if (endpoint?.embedModel) return createOpenAIEmbedder({ ...endpoint, embedModel: endpoint.embedModel });
  return createLexicalEmbedder();
}
