import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { afterEach, beforeEach, onTestFailed } from 'vitest';
import { type Client, createClient, unwrap } from '../../../cli/client.ts';
import { App } from '../../../cli/ui/app.tsx';
import type { Route } from '../../../cli/ui/routes.ts';
import { loadConfig } from '../../../server/config.ts';
import type { Draft } from '../../../server/draft/index.ts';
import { reactIdle } from '../../support/react-idle.ts';

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

/**
 * The set-up of a screen test file (call it at its top level): each test gets a fresh API with the
 * bundled corpus loaded; `show(route)` renders the app there; both are closed after the test.
 */
export function bundledApp(): { api(): TestApi; show(initial: Route): Ui } {
  let api: TestApi | undefined;
  let ui: Ui | undefined;
  beforeEach(async () => {
    api = await openApi();
    await loadBundled(api.client);
  });
  afterEach(() => {
    ui?.unmount();
    ui = undefined;
    api?.close();
  });
  return {
    api: () => api!,
    show: (initial) => {
      ui = renderApp(api!.client, initial);
      return ui;
    },
  };
}

/** The UI under test, with helpers to type keys and read frames without colour codes. */
export interface Ui {
  /** The last frame, colour codes removed. */
  frame(): string;
  /** The last frame as drawn, colour codes kept. */
  raw(): string;
  /** Every frame drawn so far, colour codes removed. */
  history(): string[];
  /**
   * Sends keys, one write each (one chunk, as a terminal delivers a key), each once React has
   * settled: the listeners of the last render are attached, whatever the machine's speed.
   */
  press(...keys: string[]): Promise<void>;
  /**
   * Resolves with the frame as soon as one is drawn that satisfies `test` (a string it contains, a
   * pattern, or a predicate). No clock: the test's own timeout is the last guard, and a failed test
   * prints what it was waiting for and the last frame.
   */
  until(test: string | RegExp | ((frame: string) => boolean)): Promise<string>;
  /** Resolves when React has settled (effects run, input listeners attached). */
  settled(): Promise<void>;
  /** Waits for every save the UI has under way (the session's flush, as on quit), then unmounts. */
  close(): Promise<void>;
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

/** A frame test as a predicate. */
function frameTest(test: string | RegExp | ((frame: string) => boolean)): (frame: string) => boolean {
  if (typeof test === 'string') return (f) => f.includes(test);
  if (test instanceof RegExp) return (f) => test.test(f);
  return test;
}

/** Renders the whole app at a fixed size (default 80×24) on a screen. */
export function renderApp(client: Client, initial?: Route, size = { columns: 80, rows: 24 }): Ui {
  let flush: () => Promise<void> = async () => undefined;
  const ui = render(
    <App
      client={client}
      initial={initial}
      size={size}
      registerFlush={(f) => {
        flush = f;
      }}
    />,
  );
  const raw = () => ui.lastFrame() ?? '';
  const frame = () => stripVTControlCharacters(raw());
  // Every frame Ink draws goes through stdout.write: waits are checked then, not on a timer.
  const waits = new Map<() => void, string>();
  const write = ui.stdout.write;
  ui.stdout.write = (drawn: string) => {
    write(drawn);
    for (const check of [...waits.keys()]) check();
  };
  onTestFailed(() => {
    const waiting = [...waits.values()].join(', ');
    process.stderr.write(`${waiting ? `still waiting for ${waiting}; ` : ''}last frame:\n${frame()}\n`);
  });
  let mounted = true;
  const unmount = () => {
    if (mounted) ui.unmount();
    mounted = false;
  };
  return {
    frame,
    raw,
    history: () => ui.frames.map((f) => stripVTControlCharacters(f)),
    press: async (...sequence) => {
      for (const k of sequence) {
        await reactIdle();
        ui.stdin.write(k);
      }
    },
    until: (test) =>
      new Promise((resolve) => {
        const ok = frameTest(test);
        const check = () => {
          const f = frame();
          if (!ok(f)) return;
          waits.delete(check);
          resolve(f);
        };
        waits.set(check, String(test));
        check();
      }),
    settled: reactIdle,
    close: async () => {
      await flush();
      unmount();
    },
    unmount,
  };
}

/** A 2017 draft carried forward from the bundled 2016 report, saved in the workspace. */
export async function createDraft(client: Client): Promise<Draft> {
  const { draft } = await unwrap(await client.api.draft.outline.$post({ json: { year: 2017 } }));
  return draft as Draft;
}

/** The bundled corpus, a saved 2017 draft and the workspace open on it, once its counts show. */
export async function openWorkspaceUi(
  env: NodeJS.ProcessEnv = {},
): Promise<{ api: TestApi; draft: Draft; ui: Ui }> {
  const api = await openApi(env);
  await loadBundled(api.client);
  const draft = await createDraft(api.client);
  const ui = renderApp(api.client, { name: 'workspace', draftId: draft.id });
  await ui.until('相符');
  return { api, draft, ui };
}

/** The saved draft, as the API returns it. */
export async function savedDraft(client: Client, id: string): Promise<Draft> {
  const { draft } = await unwrap(await client.api.drafts[':id'].$get({ param: { id } }));
  return draft as Draft;
}
