import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { type Client, createClient, unwrap } from '../../../cli/client.ts';
import { App } from '../../../cli/ui/app.tsx';
import type { Route } from '../../../cli/ui/routes.ts';
import { loadConfig } from '../../../server/config.ts';
import type { Draft } from '../../../server/draft/types.ts';

/** A real in-process API (createApp over a fresh data dir) behind the typed client. */
export interface TestApi {
  client: Client;
  dataDir: string;
  close(): void;
}

/** Opens the real app on a temp data dir, offline (no model) unless `env` configures one. */
export async function openApi(env: NodeJS.ProcessEnv = {}): Promise<TestApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'govdraft-tui-'));
  const client = await createClient(loadConfig({ dataDir }, env));
  return { client, dataDir, close: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** Loads the bundled corpus through the API (tests that do not exercise the first run). */
export async function loadBundled(client: Client): Promise<void> {
  await unwrap(await client.api.corpus.bundled.$post());
}

/** The UI under test, with helpers to type keys and read frames without colour codes. */
export interface Ui {
  /** The last frame, colour codes removed. */
  frame(): string;
  /** The last frame as drawn, colour codes kept. */
  raw(): string;
  /** Every frame drawn so far, colour codes removed. */
  history(): string[];
  /** Sends keys (one write: one chunk, as a terminal would deliver them), once the last render settled. */
  press(...keys: string[]): Promise<void>;
  /** Waits until the frame satisfies `test` (a string it contains, or a predicate). */
  until(test: string | RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
  unmount(): void;
}

export const keys = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  pageDown: '\u001B[6~',
  ctrlC: '\u0003',
} as const;

/** Renders the whole app at a fixed size (default 80×24) on a screen. */
export function renderApp(client: Client, initial?: Route, size = { columns: 80, rows: 24 }): Ui {
  const ui = render(<App client={client} initial={initial} size={size} />);
  const raw = () => ui.lastFrame() ?? '';
  const frame = () => stripVTControlCharacters(raw());
  return {
    frame,
    raw,
    history: () => ui.frames.map((f) => stripVTControlCharacters(f)),
    press: async (...sequence) => {
      for (const k of sequence) {
        // Let the last render's effects (input handlers) attach, as a person's pause between keys does.
        await new Promise((r) => setTimeout(r, 30));
        ui.stdin.write(k);
      }
    },
    until: async (test, timeoutMs = 15_000) => {
      const ok =
        typeof test === 'string'
          ? (f: string) => f.includes(test)
          : test instanceof RegExp
            ? (f: string) => test.test(f)
            : test;
      const started = Date.now();
      while (!ok(frame())) {
        if (Date.now() - started > timeoutMs)
          throw new Error(`frame never matched ${String(test)}; last frame:\n${frame()}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return frame();
    },
    unmount: () => ui.unmount(),
  };
}

/** A 2017 draft carried forward from the bundled 2016 report, saved in the workspace. */
export async function createDraft(client: Client): Promise<Draft> {
  const { draft } = await unwrap(await client.api.draft.outline.$post({ json: { year: 2017 } }));
  return draft as Draft;
}

/** The saved draft, as the API returns it. */
export async function savedDraft(client: Client, id: string): Promise<Draft> {
  const { draft } = await unwrap(await client.api.drafts[':id'].$get({ param: { id } }));
  return draft as Draft;
}
