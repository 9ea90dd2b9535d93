/** The one model interface the engine uses: the configured chat model or null, prompts, model errors. */
import type { Config } from '../config.ts';
import { openAIChatModel } from './openai-chat.ts';
import type { ChatModel } from './types.ts';

export type { Fence } from './fence.ts';
export { fenced, neutralise, newFence } from './fence.ts';
export { describeModelError, modelError } from './model-error.ts';
export { openAIChatModel } from './openai-chat.ts';
export { probeModel } from './probe.ts';
export { renderPrompt } from './prompt.ts';
export type { ChatMessage, ChatModel, ModelEvent, StreamOptions } from './types.ts';

/** The configured chat model, or null when none is configured: callers then use the offline engines. */
export function createChatModel(config: Config): ChatModel | null {
  const endpoint = config.model;
  if (!endpoint?.chatModel) return null;
  return openAIChatModel({ ...endpoint, chatModel: endpoint.chatModel });
}
