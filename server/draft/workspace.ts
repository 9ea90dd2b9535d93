/**
 * The drafts workspace: drafts saved as JSON under `<dataDir>/drafts/<id>.json` with atomic writes
 * (temporary file, fsync, rename, fsync of the folder), so a crash mid-save leaves the previous
 * version whole; saves of one draft are serialised in-process.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.ts';
import { GovdraftError } from '../errors.ts';
import { storageError } from '../storage-error.ts';
import { type DraftSummary, draftSummary } from './document/index.ts';
import { normaliseDraft, upgradeDraft } from './normalise.ts';
import type { Draft } from './types.ts';

export type { DraftSummary };

export interface Workspace {
  readonly dir: string;
  /** Normalises (renumbering, spans, counts, updatedAt) and saves atomically; returns what was saved. */
  save(draft: Draft): Promise<Draft>;
  load(id: string): Promise<Draft | null>;
  /** Loads, changes and saves a draft under the draft's lock; null when there is no such draft. */
  update(id: string, change: (draft: Draft) => Draft): Promise<Draft | null>;
  /** Saved drafts, latest first. */
  list(): Promise<DraftSummary[]>;
  remove(id: string): Promise<boolean>;
  /** Waits for every save, update and removal under way; the engine closes its workspace with it. */
  close(): Promise<void>;
}

/** Draft ids are file names: letters, digits, - and _ only. */
export const draftIdPattern = /^[A-Za-z0-9_-]{1,80}$/;

function checkId(id: string): void {
  if (!draftIdPattern.test(id)) {
    throw new GovdraftError('bad_request', `草稿编号无效:${id}`, `Invalid draft id: ${id}`);
  }
}

const saving = { zh: '保存草稿', en: 'save the draft' };

/** A temp file of `writeFileAtomic`: `.<name>.<pid>.<8 hex>.tmp`. */
const tempName = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes temp files left by saves whose process was killed mid-save (a live process's are left).
 * Best effort at start-up: a folder that cannot be read or changed is reported by the next save.
 */
async function sweepStaleTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = tempName.exec(name)?.[1];
    if (pid && !isAlive(Number(pid))) await rm(join(dir, name), { force: true }).catch(() => undefined);
  }
}

let lastStamp = 0;

/** Save times strictly increase within a process, so "latest first" never depends on a tie. */
function saveTime(): Date {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp);
}

/**
 * The workspace of a data dir. Saves of a draft queue behind each other within one workspace, so the
 * engine opens one and every route uses it (Engine.drafts).
 */
export function openWorkspace(dataDir: string): Workspace {
  const dir = join(dataDir, 'drafts');
  void sweepStaleTemps(dir);
  const queues = new Map<string, Promise<unknown>>();
  const serial = <T>(id: string, task: () => Promise<T>): Promise<T> => {
    const run = (queues.get(id) ?? Promise.resolve()).catch(() => undefined).then(task);
    queues.set(id, run);
    return run.finally(() => {
      if (queues.get(id) === run) queues.delete(id);
    });
  };
  const load = async (id: string): Promise<Draft | null> => {
    checkId(id);
    try {
      return upgradeDraft(JSON.parse(await readFile(join(dir, `${id}.json`), 'utf8')) as Draft);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      // The English cause names the error, not the path: API messages reach other machines.
      const reason = error instanceof SyntaxError ? error.message : (code ?? 'unreadable');
      throw new GovdraftError('corrupt_file', `草稿 ${id} 无法读取`, `Cannot read draft ${id}: ${reason}`, {
        cause: error,
      });
    }
  };
  const write = async (draft: Draft): Promise<Draft> => {
    const saved = normaliseDraft(draft, saveTime());
    try {
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(dir, `${draft.id}.json`, `${JSON.stringify(saved, null, 1)}\n`);
    } catch (error) {
      throw storageError(error, saving) ?? error;
    }
    return saved;
  };
  const workspace: Workspace = {
    dir,
    save(draft) {
      checkId(draft.id);
      return serial(draft.id, () => write(draft));
    },
    load,
    update(id, change) {
      checkId(id);
      return serial(id, async () => {
        const draft = await load(id);
        return draft ? write(change(draft)) : null;
      });
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw storageError(error, { zh: '列出草稿', en: 'list the drafts' }) ?? error;
      }
      const summaries: DraftSummary[] = [];
      for (const name of names) {
        if (name.startsWith('.') || !name.endsWith('.json')) continue;
        try {
          summaries.push(draftSummary(JSON.parse(await readFile(join(dir, name), 'utf8')) as Draft));
        } catch {
          // A file someone else put there or edited by hand: not a draft this workspace can list.
        }
      }
      return summaries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
    async remove(id) {
      checkId(id);
      return serial(id, async () => {
        try {
          await rm(join(dir, `${id}.json`));
          return true;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
          throw storageError(error, { zh: `删除草稿 ${id}`, en: `delete draft ${id}` }) ?? error;
        }
      });
    },
    async close() {
      while (queues.size > 0) await Promise.allSettled([...queues.values()]);
    },
  };
  return workspace;
}
