import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../paths.ts';

/** Styles and icons ship as sources; the client script is compiled by `npm run build` into dist/web. */
const staticDir = join(packageRoot, 'server/web/static');
const scriptDir = join(packageRoot, 'dist/web');

const mediaTypes: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  js: 'text/javascript; charset=utf-8',
};

// Names are matched whole, so no request can climb out of the two folders.
const staticName = /^[a-z0-9-]+\.(css|svg)$/;
const scriptPath = /^js\/((?:[a-z0-9-]+\/)*[a-z0-9-]+\.js)$/;

export interface Asset {
  body: Uint8Array;
  type: string;
}

/** Where an asset path (below /assets/) is on disk, or null for a name the page does not use. */
export function assetFile(path: string): string | null {
  if (staticName.test(path)) return join(staticDir, path);
  const script = scriptPath.exec(path)?.[1];
  return script ? join(scriptDir, script) : null;
}

/** The bytes and media type of an asset, or null when there is no such file. */
export async function readAsset(path: string): Promise<Asset | null> {
  const file = assetFile(path);
  if (!file) return null;
  const body = await readFile(file).catch(() => null);
  const extension = file.slice(file.lastIndexOf('.') + 1);
  return body && { body: new Uint8Array(body), type: mediaTypes[extension] };
}
