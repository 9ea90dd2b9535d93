/**
 * Preload for a child process (`node --import <this file>`): appends to the file named by
 * GOVDRAFT_MODULE_TRACE every module the process loads — ES modules as they are resolved (by a
 * loader hook), CommonJS ones (createRequire, native addons) when it exits. Used to test what a
 * command loads, never how fast.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const out = process.env.GOVDRAFT_MODULE_TRACE;
if (out) {
  register(new URL(import.meta.url), { data: { out } });
  process.on('exit', () => {
    const cache = createRequire(import.meta.url)('node:module')._cache;
    appendFileSync(out, `${Object.keys(cache).join('\n')}\n`);
  });
}

let traceFile = null;

/** Loader hook: remembers where to write. */
export function initialize(data) {
  traceFile = data.out;
}

/** Loader hook: writes each resolved module's URL. */
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (traceFile) appendFileSync(traceFile, `${resolved.url}\n`);
  return resolved;
}
