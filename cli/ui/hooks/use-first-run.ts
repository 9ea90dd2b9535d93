import { useEffect, useState } from 'react';
import type { BundledFile } from '../../../server/corpus.ts';
import { bundledFiles, corpusIsEmpty, ingestBundledFile } from '../../bundled.ts';
import { useClient } from '../contexts/client.tsx';

/** Where the first-run import stands. */
export interface FirstRun {
  phase: 'checking' | 'ingesting' | 'done' | 'failed';
  done: number;
  total: number;
  /** The file being imported. */
  current: BundledFile | null;
  error: unknown;
}

/**
 * On an empty data dir, imports the bundled demo corpus file by file (so a progress bar can follow);
 * otherwise finishes at once.
 */
export function useFirstRun(): FirstRun {
  const client = useClient();
  const [state, setState] = useState<FirstRun>({
    phase: 'checking',
    done: 0,
    total: 0,
    current: null,
    error: undefined,
  });
  useEffect(() => {
    let live = true;
    const update = (next: Partial<FirstRun>) => {
      if (live) setState((s) => ({ ...s, ...next }));
    };
    (async () => {
      if (!(await corpusIsEmpty(client))) return update({ phase: 'done' });
      const files = await bundledFiles(client);
      update({ phase: 'ingesting', total: files.length });
      for (const [i, file] of files.entries()) {
        update({ current: file, done: i });
        await ingestBundledFile(client, file);
      }
      update({ phase: 'done', done: files.length, current: null });
    })().catch((error: unknown) => update({ phase: 'failed', error }));
    return () => {
      live = false;
    };
  }, [client]);
  return state;
}
