import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
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

/** Reads a file for upload as `{fileName, contentBase64}`, with a clear error when it cannot be read. */
export function readUploadFile(path: string): { fileName: string; contentBase64: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GovdraftError(
      'bad_request',
      code === 'ENOENT'
        ? `找不到文件 ${path}`
        : code === 'EISDIR'
          ? `${path} 是目录`
          : `无法读取文件 ${path}`,
      `Cannot read ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return { fileName: basename(path), contentBase64: bytes.toString('base64') };
}

/**
 * Writes an output file whole or not at all: a temporary file beside it, then a rename, so a
 * failure leaves no partial file. Throws GovdraftError `bad_request` when it cannot be written.
 */
export function writeOutputFile(path: string, data: Uint8Array | string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new GovdraftError(
      'bad_request',
      `\u65E0\u6CD5\u5199\u5165\u6587\u4EF6 ${path}`,
      `Cannot write ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** Where the annotated copy of a checked file goes by default: `稿.docx` → `稿.核查.docx` beside it. */
export function annotatedPathFor(input: string): string {
  return join(dirname(input), `${basename(input, extname(input))}.\u6838\u67E5.docx`);
}
