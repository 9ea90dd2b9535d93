import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDraft } from '../../server/draft/build.ts';
import { draftSchema } from '../../server/draft/schema.ts';
import type { Draft, DraftParagraph } from '../../server/draft/types.ts';
import { draftAudit } from '../../server/draft/whole.ts';
import { openWorkspace } from '../../server/draft/workspace.ts';
import { packageRoot } from '../../server/paths.ts';
import { ledgers, report2016 } from './corpus.ts';

const worker = join(packageRoot, 'test/draft/workspace-worker.ts');

describe('the drafts workspace', () => {
  let dataDir: string;
  let draft: Draft;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'govdraft-drafts-'));
    const { both } = await ledgers();
    draft = buildDraft({
      year: 2017,
      report: await report2016(),
      stored: true,
      ledger: both,
      ledgerSource: 'x',
    });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('saves, loads and lists drafts latest first, normalised', async () => {
    const workspace = openWorkspace(dataDir);
    const reordered = { ...draft, parts: [...draft.parts].reverse() };
    const saved = await workspace.save(reordered);
    expect(saved.parts[0]).toMatchObject({ marker: '(一)', title: '转变政府职能,切实改进工作作风' });
    expect(await workspace.load(draft.id)).toEqual(saved);
    const later = await workspace.save({ ...draft, id: 'd2017-later', title: '另一稿' });
    const list = await workspace.list();
    expect(list.map((d) => d.id)).toEqual([later.id, draft.id]);
    expect(list[1]).toMatchObject({
      title: '甘泉路街道2017年工作总结',
      year: 2017,
      pending: 7,
      paragraphs: 24,
    });
    expect(await workspace.load('d2017-none')).toBeNull();
  });

  it('refuses ids that are not file names', async () => {
    await expect(openWorkspace(dataDir).load('../secrets')).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('reads a draft saved before ledgerMissing and figure audits existed, and the API schema takes it', async () => {
    const workspace = openWorkspace(dataDir);
    const { ledgerMissing: _dropped, ...old } = draft;
    const strip = (p: DraftParagraph): DraftParagraph => ({
      ...p,
      figures: p.figures.map(({ audit: _audit, ...f }) => f),
    });
    const legacy = {
      ...old,
      id: 'd2017-legacy',
      preamble: old.preamble.map(strip),
      parts: old.parts.map((part) => ({ ...part, paragraphs: part.paragraphs.map(strip) })),
      closing: old.closing.map(strip),
    };
    mkdirSync(workspace.dir, { recursive: true });
    writeFileSync(join(workspace.dir, 'd2017-legacy.json'), JSON.stringify(legacy));
    const loaded = await workspace.load('d2017-legacy');
    expect(loaded?.ledgerMissing).toBe(false);
    expect(loaded?.parts[0].paragraphs[0].figures[0].audit).toBeUndefined();
    const parsed = draftSchema.parse(legacy);
    expect(parsed.ledgerMissing).toBe(false);
    expect(draftAudit(parsed).every((e) => e.rows.length === 0 && e.matchWords.length === 0)).toBe(true);
  });

  it('serialises concurrent updates of one draft: none is lost', async () => {
    const workspace = openWorkspace(dataDir);
    await workspace.save(draft);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        workspace.update(draft.id, (d) => ({
          ...d,
          closing: [...d.closing, { ...d.closing[0], id: `c${i}`, text: `第${i}条。` }],
        })),
      ),
    );
    const after = await workspace.load(draft.id);
    expect(after?.closing.map((p) => p.id).sort()).toEqual(
      [draft.closing[0].id, ...Array.from({ length: 12 }, (_, i) => `c${i}`)].sort(),
    );
  });

  it('keeps a whole version when the saving process is killed mid-write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govdraft-crash-'));
    try {
      const file = join(dir, 'draft.json');
      writeFileSync(file, JSON.stringify(draft));
      const child = spawn(process.execPath, ['--import', 'tsx', worker, dir, file], { cwd: packageRoot });
      // Kill it as soon as a few versions are saved: the next write is then in progress or about to be.
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          if (out.includes('saved 3\n')) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('error', reject);
        child.on('exit', () => resolve());
      });
      await new Promise((resolve) => child.once('close', resolve));
      const saved = await openWorkspace(dir).load(draft.id);
      expect(saved?.title).toMatch(/^版本\d+$/);
      const n = saved?.title.slice(2);
      expect(saved?.closing[0].text.startsWith(`版本${n}。`)).toBe(true);
      expect(saved?.closing[0].text.length).toBeGreaterThan(18_000);
      // Leftover temporary files are never listed as drafts.
      const files = readdirSync(join(dir, 'drafts'));
      expect(files.filter((f) => !f.startsWith('.'))).toEqual([`${draft.id}.json`]);
      expect((await openWorkspace(dir).list()).map((d) => d.id)).toEqual([draft.id]);
      expect(() => JSON.parse(readFileSync(join(dir, 'drafts', `${draft.id}.json`), 'utf8'))).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes temp files of saves killed mid-save when it opens, not those of a live process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govdraft-stale-'));
    try {
      mkdirSync(join(dir, 'drafts'));
      const deadPid = Number(
        execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']),
      );
      const stale = join(dir, 'drafts', `.${draft.id}.json.${deadPid}.0badf00d.tmp`);
      const live = join(dir, 'drafts', `.${draft.id}.json.${process.pid}.1badf00d.tmp`);
      writeFileSync(stale, '');
      writeFileSync(live, '{"half":');
      openWorkspace(dir);
      await vi.waitFor(() => expect(existsSync(stale)).toBe(false), { timeout: 10_000, interval: 20 });
      expect(existsSync(live)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says why a draft cannot be deleted instead of calling it missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govdraft-remove-'));
    try {
      const workspace = openWorkspace(dir);
      await workspace.save(draft);
      expect(await workspace.remove('d-none')).toBe(false);
      // Something that is not a file where the draft should be: rm refuses, and says so.
      rmSync(join(dir, 'drafts', `${draft.id}.json`));
      mkdirSync(join(dir, 'drafts', `${draft.id}.json`, 'inside'), { recursive: true });
      await expect(workspace.remove(draft.id)).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
