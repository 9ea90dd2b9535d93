/** An entry of package-lock.json's `packages` map (lockfile v2/v3), as far as an install cares. */
export interface LockEntry {
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  link?: boolean;
}

/**
 * The folders (`node_modules/…`, nested ones included) a production install holds, read from the
 * lock: every package but dev-only ones and workspace links. Optional packages are listed too; the
 * caller keeps those present on disk (a native build for another platform is not installed).
 * @example productionPackages({ '': {}, 'node_modules/zod': {}, 'node_modules/vitest': { dev: true } }) // ['node_modules/zod']
 */
export function productionPackages(packages: Record<string, LockEntry>): string[] {
  return Object.entries(packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.link)
    .map(([path]) => path)
    .sort();
}
