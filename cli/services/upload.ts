import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { bodyLimitBytes } from '../../server/body-limit.ts';
import { GovdraftError } from '../../server/errors.ts';

/** A file as an upload carries it in a request body. */
export interface UploadFile {
  fileName: string;
  contentBase64: string;
}

/**
 * The largest file an upload can carry: a request body (GOVDRAFT_MAX_BODY_MB) holds the file in
 * base64, a third larger than the file.
 */
function uploadLimitBytes(): number {
  const given = Number(process.env.GOVDRAFT_MAX_BODY_MB);
  return Math.floor((bodyLimitBytes(given > 0 ? given : undefined) * 3) / 4);
}

const mb = (bytes: number): string => (bytes / 1048576).toFixed(1);

/** The error for a file over the upload limit; nothing of it is read. */
function tooLarge(path: string, size: string, limit: number): GovdraftError {
  return new GovdraftError(
    'file_too_large',
    `文件过大\uFF08${size} MB\uFF09\uFF0C上传文件不能超过 ${mb(limit)} MB\uFF08由 GOVDRAFT_MAX_BODY_MB 决定\uFF09\uFF1B未读取该文件`,
    `${path} is ${size} MB; uploads are limited to ${mb(limit)} MB (GOVDRAFT_MAX_BODY_MB); not read`,
  );
}

/** The error for a file that cannot be opened or read (missing, a directory, no permission). */
function unreadable(path: string, error: unknown): GovdraftError {
  const code = (error as NodeJS.ErrnoException).code;
  return new GovdraftError(
    'bad_request',
    code === 'ENOENT' ? `找不到文件 ${path}` : code === 'EISDIR' ? `${path} 是目录` : `无法读取文件 ${path}`,
    `Cannot read ${path}: ${(error as Error).message}`,
    { cause: error },
  );
}

/**
 * Reads a file for upload as `{fileName, contentBase64}` without blocking the event loop (the Ink
 * UI keeps rendering while it reads). Its size is checked before anything is read, and it is read
 * in chunks that stop at the limit (a device or pipe has no size to check).
 */
export async function readUpload(path: string, limit = uploadLimitBytes()): Promise<UploadFile> {
  let file: Awaited<ReturnType<typeof open>>;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    const stat = await file.stat();
    if (stat.isDirectory())
      throw unreadable(path, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
    if (stat.size > limit) throw tooLarge(path, mb(stat.size), limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1048576, limit + 1 - total));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw tooLarge(path, `${mb(limit)}+`, limit);
    }
    return { fileName: basename(path), contentBase64: Buffer.concat(chunks, total).toString('base64') };
  } catch (error) {
    throw GovdraftError.isInstance(error) ? error : unreadable(path, error);
  } finally {
    await file.close();
  }
}
