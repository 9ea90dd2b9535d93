import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the LanceDB tables live: a local folder, or an object store as LanceDB addresses it. */
export interface StoreLocation {
  /** A local folder (absolute) or an object-store URI: `s3://bucket/prefix`, `s3+ddb://…`, `gs://…`, `az://…`. */
  uri: string;
  /** LanceDB `storageOptions` (endpoint, region, allow_http…); credentials stay in the environment. */
  options: Record<string, string>;
}

const uriScheme = /^([a-z][a-z0-9+.-]*):\/\//i;

/** True for an object-store URI rather than a local folder (`file://` counts as local). */
export function isObjectStoreUri(location: string): boolean {
  const scheme = uriScheme.exec(location)?.[1]?.toLowerCase();
  return scheme !== undefined && scheme !== 'file';
}

/** The default location: `<dataDir>/lancedb`. */
export function defaultStoreUri(dataDir: string): string {
  return join(dataDir, 'lancedb');
}

/**
 * The store's location from `--store` / `GOVDRAFT_STORE_URI`, else `<dataDir>/lancedb`. For an
 * S3-compatible server on plain http (a MinIO on the intranet) LanceDB refuses the endpoint unless
 * told `allow_http`: an `AWS_ENDPOINT` starting with http:// says so.
 * @example storeLocation('/srv/gd', 's3://govdraft/district', { AWS_ENDPOINT: 'http://minio:9000' })
 */
export function storeLocation(
  dataDir: string,
  given: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): StoreLocation {
  if (!given) return { uri: defaultStoreUri(dataDir), options: {} };
  if (!isObjectStoreUri(given)) return { uri: resolve(given.replace(/^file:\/\//i, '')), options: {} };
  const endpoint = env.AWS_ENDPOINT ?? env.AWS_ENDPOINT_URL;
  const plainHttp = endpoint?.startsWith('http://') && !env.AWS_ALLOW_HTTP && !env.ALLOW_HTTP;
  return { uri: given, options: plainHttp ? { allow_http: 'true' } : {} };
}

/**
 * Whether a store can hold anything: false only for a local folder with no LanceDB table in it, which
 * a reader may then skip opening (loading LanceDB costs ~0.2 s). An object store is assumed to hold data.
 */
export function storeMayHoldData(uri: string): boolean {
  if (isObjectStoreUri(uri)) return true;
  try {
    return readdirSync(uri).some((name) => name.endsWith('.lance'));
  } catch {
    return false;
  }
}
