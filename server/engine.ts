import { type Admission, createAdmission } from './api/index.ts';
import type { Config } from './config.ts';
import type { Workspace } from './draft/index.ts';
import type { ChatModel } from './models/index.ts';
import { createChatModel } from './models/index.ts';
import type { Store, StoreLocation } from './store/index.ts';
import { createEmbedder, openStore, storeLocation, storeMayHoldData } from './store/index.ts';
import { createUploads, type Uploads } from './uploads/index.ts';

/** What the API routes share: the configuration, the store (opened once, on first use) and the model. */
export interface Engine {
  readonly config: Config;
  /**
   * The saved drafts the workspace edits (`<dataDir>/drafts`), one per engine so saves of a draft
   * queue; opened on first use, so a command that never drafts does not load the drafting code.
   */
  drafts(): Promise<Workspace>;
  /** null when no chat model is configured: callers use the offline engines. */
  readonly chatModel: ChatModel | null;
  /** Where the tables live: `<dataDir>/lancedb`, or `--store` / GOVDRAFT_STORE_URI (e.g. `s3://…`). */
  readonly location: StoreLocation;
  store(): Promise<Store>;
  /** Parsing and checking of uploaded files, in worker threads. */
  readonly uploads: Uploads;
  /** CPU-bound requests taken in turn, a bounded queue, 503 past it. */
  readonly admission: Admission;
  /** False when the store certainly holds nothing (a local folder without tables): no need to open it. */
  storeMayHoldData(): boolean;
  close(): Promise<void>;
}

/** Creates the engine for a configuration; nothing is opened until a route needs it. */
export function createEngine(config: Config): Engine {
  let drafts: Promise<Workspace> | null = null;
  let opening: Promise<Store> | null = null;
  const uploads = createUploads(config.workers);
  const location = storeLocation(config.dataDir, config.store ?? undefined);
  return {
    config,
    uploads,
    admission: createAdmission(config.requests),
    chatModel: createChatModel(config),
    location,
    drafts() {
      drafts ??= import('./draft/index.ts').then((m) => m.openWorkspace(config.dataDir));
      return drafts;
    },
    store() {
      opening ??= openStore({ dataDir: config.dataDir, location, embedder: createEmbedder(config) }).catch(
        (error: unknown) => {
          opening = null;
          throw error;
        },
      );
      return opening;
    },
    storeMayHoldData: () => opening !== null || storeMayHoldData(location.uri),
    async close() {
      await uploads.close();
      if (opening) await (await opening.catch(() => null))?.close();
      opening = null;
      await (await drafts)?.close();
      drafts = null;
    },
  };
}
