import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { GovdraftError } from '../../server/errors.ts';

/**
 * Writes an output file whole or not at all: a temporary file beside it, then a rename, so a
 * failure leaves no partial file. Throws GovdraftError `bad_request` when it cannot be written.
 */
export async function writeOutputFile(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new GovdraftError(
      'bad_request',
      `\u65E0\u6CD5\u5199\u5165\u6587\u4EF6 ${path}`,
      `Cannot write ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
