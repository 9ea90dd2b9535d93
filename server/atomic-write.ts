/**
 * Atomic file writes for the data dir (drafts, the review history): below the modules that use them,
 * so a check that remembers its findings does not load the drafting engine.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes a file so that readers see the old content or the new, never a part: temp file, fsync, rename. */
export async function writeFileAtomic(dir: string, name: string, data: string): Promise<void> {
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const file = await open(temp, 'w');
  try {
    try {
      await file.writeFile(data, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, join(dir, name));
  } catch (error) {
    // A full disk leaves a partial temp file: remove it (the previous version is untouched).
    await rm(temp, { force: true });
    throw error;
  }
  // The rename itself must reach the disk too.
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  } finally {
    await folder.close();
  }
}
