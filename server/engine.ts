import type { Config } from './config.ts';
import { createChatModel } from './models/index.ts';
import type { ChatModel } from './models/types.ts';
import { createEmbedder, openStore } from './store/index.ts';
import type { Store } from './store/types.ts';
import { createUploads, type Uploads } from './uploads/index.ts';

/** What the API routes share: the configuration, the store (opened once, on first use) and the model. */
export interface Engine {
  readonly config: Config;
  /** null when no chat model is configured: callers use the offline engines. */
  readonly chatModel: ChatModel | null;
  store(): Promise<Store>;
  /** Parsing and checking of uploaded files, in worker threads. */
  readonly uploads: Uploads;
  close(): Promise<void>;
}

/** Creates the engine for a configuration; nothing is opened until a route needs it. */
export function createEngine(config: Config): Engine {
  let opening: Promise<Store> | null = null;
  const uploads = createUploads(config.workers);
  return {
    config,
    uploads,
    chatModel: createChatModel(config),
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
      await uploads.close();
      if (opening) await (await opening.catch(() => null))?.close();
      opening = null;
    },
  };
}
