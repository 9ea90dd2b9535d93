import type { OpenAIEmbeddings } from '@langchain/openai';
import type { ModelEndpoint } from '../config.ts';
import { GovdraftError } from '../errors.ts';
import { modelError } from '../models/index.ts';
import type { Embedder } from './types.ts';

/** A model failure as a GovdraftError; a 404 names the embedding model setting, not the chat one. */
function embedError(error: unknown, model: string): GovdraftError {
  const status = (error as { status?: number } | null)?.status;
  if (status !== 404) return modelError(error);
  return new GovdraftError(
    'model_failed',
    `模型服务找不到向量模型“${model}”,请检查 GOVDRAFT_EMBED_MODEL`,
    `Embedding model not found (404): ${model}`,
    { cause: error },
  );
}

/**
 * Embeddings from any OpenAI-compatible endpoint (vLLM, Ollama, Xinference…) through LangChain's
 * OpenAIEmbeddings. `dimensions` is 0 until the first answer tells it; the store sizes its vector
 * column from the vectors themselves. Failures become GovdraftError `model_failed`.
 * @example createOpenAIEmbedder({ ...endpoint, embedModel: 'bge-m3' }).id // 'openai:bge-m3@http://…/v1'
 */
export function createOpenAIEmbedder(endpoint: ModelEndpoint & { embedModel: string }): Embedder {
  // LangChain is loaded on first use: ~0.4 s at start-up that offline runs never need.
  let client: Promise<OpenAIEmbeddings> | null = null;
  const connect = async (): Promise<OpenAIEmbeddings> => {
    const { OpenAIEmbeddings } = await import('@langchain/openai');
    return new OpenAIEmbeddings({
      model: endpoint.embedModel,
      apiKey: endpoint.apiKey,
      configuration: { baseURL: endpoint.baseURL },
      timeout: endpoint.timeoutMs,
      maxRetries: endpoint.maxRetries,
      // Newlines carry no meaning for modern embedding models but keep paragraphs as written.
      stripNewLines: false,
    });
  };
  let dimensions = 0;
  return {
    id: `openai:${endpoint.embedModel}@${endpoint.baseURL}`,
    get dimensions() {
      return dimensions;
    },
    async embed(texts) {
      if (texts.length === 0) return [];
      let vectors: number[][];
      try {
        client ??= connect();
        vectors = await (await client).embedDocuments(texts);
      } catch (error) {
        throw embedError(error, endpoint.embedModel);
      }
      if (vectors.length !== texts.length || vectors.some((v) => !Array.isArray(v) || v.length === 0)) {
        throw modelError(
          new Error(`embeddings endpoint returned ${vectors.length} vectors for ${texts.length} texts`),
        );
      }
      dimensions = vectors[0].length;
      return vectors;
    },
  };
}
