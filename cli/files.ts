import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

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

/** Where the annotated copy of a checked file goes by default: `稿.docx` → `稿.核查.docx` beside it. */
export function annotatedPathFor(input: string): string {
  return join(dirname(input), `${basename(input, extname(input))}.\u6838\u67E5.docx`);
}
