/**
 * Checks remembered per document under `<dataDir>/reviews/`, one file per document identity
 * (title, office, year), written atomically; the last few checks are kept.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.ts';
import type { RememberedFinding } from './changes.ts';

/** Who a document is across its versions. */
export interface DocumentIdentity {
  title: string;
  org: string | null;
  year: number | null;
}

/** One remembered check. */
export interface RememberedCheck {
  checkedAt: string;
  file: string | null;
  findings: RememberedFinding[];
}

interface HistoryFile {
  identity: DocumentIdentity;
  checks: RememberedCheck[];
}

/** How many checks of one document are kept. */
const keep = 20;

const fileName = (identity: DocumentIdentity): string =>
  `${createHash('sha256')
    .update(JSON.stringify([identity.title.trim(), identity.org, identity.year]))
    .digest('hex')
    .slice(0, 32)}.json`;

/** The review history of a data dir: the last check of a document, and remembering a new one. */
export interface ReviewHistory {
  last(identity: DocumentIdentity): Promise<RememberedCheck | null>;
  /** Saves a check; false when the data dir cannot be written (read-only), which loses no result. */
  remember(identity: DocumentIdentity, check: RememberedCheck): Promise<boolean>;
}

/** Opens the review history kept in `<dataDir>/reviews`. */
export function openReviewHistory(dataDir: string): ReviewHistory {
  const dir = join(dataDir, 'reviews');
  const read = async (identity: DocumentIdentity): Promise<HistoryFile | null> => {
    try {
      const saved = JSON.parse(await readFile(join(dir, fileName(identity)), 'utf8')) as HistoryFile;
      return Array.isArray(saved.checks) ? saved : null;
    } catch {
      // Missing or unreadable history: this check is the first one remembered.
      return null;
    }
  };
  return {
    async last(identity) {
      return (await read(identity))?.checks.at(-1) ?? null;
    },
    async remember(identity, check) {
      const checks = [...((await read(identity))?.checks ?? []), check].slice(-keep);
      try {
        await mkdir(dir, { recursive: true });
        await writeFileAtomic(dir, fileName(identity), `${JSON.stringify({ identity, checks }, null, 1)}\n`);
        return true;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return false;
        throw error;
      }
    },
  };
}
