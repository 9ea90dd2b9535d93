import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LockEntry, productionPackages } from '../../packaging/production-packages.ts';
import { packageRoot } from '../../server/paths.ts';

/**
 * Writes a project in `dir` whose only dependency is the packed govdraft tarball, with a lock file
 * pinning every production package exactly as this repository's lock does. `npm ci --offline` then
 * installs it from the npm cache alone (warm after any `npm ci` of this repository): no registry
 * metadata is needed, no network is touched.
 */
export function writeOfflineProject(dir: string, tarball: string): void {
  const lock = JSON.parse(readFileSync(join(packageRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry & Record<string, unknown>>;
  };
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const spec = `file:${tarball}`;
  const root = {
    name: 'govdraft-offline-check',
    version: '1.0.0',
    private: true,
    dependencies: { govdraft: spec },
  };
  const packages: Record<string, unknown> = {
    '': root,
    'node_modules/govdraft': {
      version: manifest.version,
      resolved: spec,
      license: manifest.license,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const path of productionPackages(lock.packages)) {
    const { devOptional, ...entry } = lock.packages[path];
    packages[path] = devOptional ? { ...entry, optional: true } : entry;
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify(root, null, 2));
  writeFileSync(
    join(dir, 'package-lock.json'),
    JSON.stringify(
      { name: root.name, version: root.version, lockfileVersion: 3, requires: true, packages },
      null,
      2,
    ),
  );
}
