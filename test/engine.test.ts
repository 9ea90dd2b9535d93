import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { Draft } from '../server/draft/index.ts';
import { createEngine } from '../server/engine.ts';
import { draft2017 } from './draft/corpus.ts';

describe('the engine', () => {
  let dataDir: string;
  let draft: Draft;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'govdraft-engine-'));
    draft = await draft2017();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('owns the drafts workspace its routes share: a draft saved through it is listed by the API', async () => {
    const engine = createEngine(loadConfig({ dataDir }, {}));
    const app = createApp(engine.config, engine);
    await (await engine.drafts()).save(draft);
    const listed = (await (await app.request('/api/drafts')).json()) as { drafts: { id: string }[] };
    expect(listed.drafts.map((d) => d.id)).toEqual([draft.id]);
    await engine.close();
  });

  it('closes its workspace after the saves under way have landed', async () => {
    const engine = createEngine(loadConfig({ dataDir }, {}));
    const workspace = engine.drafts();
    const saves = Array.from({ length: 5 }, (_, i) =>
      workspace.then((w) => w.save({ ...draft, title: `版本${i}` })),
    );
    await engine.close();
    // Nothing awaited the saves: close did, so the last version is on disk.
    const saved = JSON.parse(readFileSync(join(dataDir, 'drafts', `${draft.id}.json`), 'utf8')) as Draft;
    expect(saved.title).toBe('版本4');
    await Promise.all(saves);
  });

  it('gives each engine its own workspace, the same one on every call', async () => {
    const config = loadConfig({ dataDir }, {});
    const [a, b] = [createEngine(config), createEngine(config)];
    expect(await a.drafts()).toBe(await a.drafts());
    expect(await a.drafts()).not.toBe(await b.drafts());
    await Promise.all([a.close(), b.close()]);
  });
});
