import type { ModelEndpoint } from '../config.ts';
import { describeModelError } from './model-error.ts';

export interface ModelProbe {
  reachable: boolean;
  /** Models the endpoint lists (first 20). */
  models: string[];
  /** Whether the configured chat/embedding models are among them (null: endpoint lists none). */
  chatModelListed: boolean | null;
  embedModelListed: boolean | null;
  message_zh: string;
  message_en: string;
  latencyMs: number;
}

/** Asks an OpenAI-compatible endpoint for its model list, quickly, to tell whether it is reachable. */
export async function probeModel(endpoint: ModelEndpoint, timeoutMs = 5000): Promise<ModelProbe> {
  const { default: OpenAI } = await import('openai');
  const client = new OpenAI({
    baseURL: endpoint.baseURL,
    apiKey: endpoint.apiKey,
    timeout: timeoutMs,
    maxRetries: 0,
  });
  const started = performance.now();
  try {
    const models: string[] = [];
    for await (const model of client.models.list()) {
      models.push(model.id);
      if (models.length >= 200) break;
    }
    const listed = (name: string | null): boolean | null =>
      name === null || models.length === 0 ? null : models.includes(name);
    return {
      reachable: true,
      models: models.slice(0, 20),
      chatModelListed: listed(endpoint.chatModel),
      embedModelListed: listed(endpoint.embedModel),
      message_zh: '模型服务可以连接',
      message_en: 'Model endpoint reachable',
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    return {
      reachable: false,
      models: [],
      chatModelListed: null,
      embedModelListed: null,
      ...describeModelError(error),
      latencyMs: Math.round(performance.now() - started),
    };
  }
}
