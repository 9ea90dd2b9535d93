import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { bodyLimitBytes } from '../server/body-limit.ts';
import { GovdraftError } from '../server/errors.ts';

/** Expands arguments into files: directories yield their files with one of `extensions`, sorted. */
export function expandFiles(paths: string[], extensions: RegExp): string[] {
  return paths.flatMap((path) => {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      return [path];
    }
    if (!isDir) return [path];
    return readdirSync(path)
      .filter((name) => extensions.test(name))
      .sort()
      .map((name) => join(path, name));
  });
}

/**
 * The largest file an upload can carry: a request body (GOVDRAFT_MAX_BODY_MB) holds the file in
 * base64, a third larger than the file.
 */
export function uploadLimitBytes(): number {
  const given = Number(process.env.GOVDRAFT_MAX_BODY_MB);
  return Math.floor((bodyLimitBytes(given > 0 ? given : undefined) * 3) / 4);
}

const mb = (bytes: number): string => (bytes / 1048576).toFixed(1);

function tooLarge(path: string, size: string, limit: number): GovdraftError {
  return new GovdraftError(
    'file_too_large',
    `文件过大（${size} MB），上传文件不能超过 ${mb(limit)} MB（由 GOVDRAFT_MAX_BODY_MB 决定）；未读取该文件`,
    `${path} is ${size} MB; uploads are limited to ${mb(limit)} MB (GOVDRAFT_MAX_BODY_MB); not read`,
  );
}

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
 * Reads a file for upload as `{fileName, contentBase64}`. Its size is checked before anything is
 * read, and it is read in chunks that stop at the limit (a device or pipe has no size to check).
 */
export function readUploadFile(
  path: string,
  limit = uploadLimitBytes(),
): { fileName: string; contentBase64: string } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory())
      throw unreadable(path, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
    if (stat.size > limit) throw tooLarge(path, mb(stat.size), limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1048576, limit + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) throw tooLarge(path, `${mb(limit)}+`, limit);
    }
    return { fileName: basename(path), contentBase64: Buffer.concat(chunks, total).toString('base64') };
  } catch (error) {
    throw GovdraftError.isInstance(error) ? error : unreadable(path, error);
  } finally {
    closeSync(fd);
  }
}

/** Where the annotated copy of a checked file goes by default: `稿.docx` → `稿.核查.docx` beside it. */
export function annotatedPathFor(input: string): string {
  return join(dirname(input), `${basename(input, extname(input))}.\u6838\u67E5.docx`);
}
