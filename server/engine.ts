import type { Config } from './config.ts';
import { openWorkspace, type Workspace } from './draft/index.ts';
import { createChatModel } from './models/index.ts';
import type { ChatModel } from './models/types.ts';
import { createEmbedder, openStore } from './store/index.ts';
import type { Store } from './store/types.ts';

/** What the API routes share: the configuration, the store (opened once, on first use) and the model. */
export interface Engine {
  readonly config: Config;
  /** The saved drafts the workspace edits (`<dataDir>/drafts`), one per engine so saves of a draft queue. */
  readonly drafts: Workspace;
  /** null when no chat model is configured: callers use the offline engines. */
  readonly chatModel: ChatModel | null;
  store(): Promise<Store>;
  close(): Promise<void>;
}

/** Creates the engine for a configuration; nothing is opened until a route needs it. */
export function createEngine(config: Config): Engine {
  const drafts = openWorkspace(config.dataDir);

  let opening: Promise<Store> | null = null;
  return {
    config,
    chatModel: createChatModel(config),
    drafts,
    store() {
      opening ??= openStore({ dataDir: config.dataDir, embedder: createEmbedder(config) }).catch(
        (error: unknown) => {
          opening = null;
          throw error;
        },
      );
      return opening;
    },
    async close() {
      if (opening) await (await opening.catch(() => null))?.close();
      opening = null;
      await drafts.close();
    },
  };
}
