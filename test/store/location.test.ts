import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isObjectStoreUri, storeLocation, storeMayHoldData } from '../../server/store/location.ts';

describe('storeLocation', () => {
  it.each([
    ['nothing given: <dataDir>/lancedb', undefined, {}, { uri: '/srv/gd/lancedb', options: {} }],
    ['a folder, made absolute', 'tables', {}, { uri: resolve('tables'), options: {} }],
    ['a file:// URI is a folder', 'file:///srv/tables', {}, { uri: '/srv/tables', options: {} }],
    [
      'an intranet MinIO on plain http: allow_http',
      's3://gd/district',
      { AWS_ENDPOINT: 'http://10.0.0.5:9000' },
      { uri: 's3://gd/district', options: { allow_http: 'true' } },
    ],
    [
      'allow_http already in the environment',
      's3://gd/district',
      { AWS_ENDPOINT: 'http://minio:9000', AWS_ALLOW_HTTP: 'true' },
      { uri: 's3://gd/district', options: {} },
    ],
    [
      'https endpoint',
      's3+ddb://gd/district?ddbTableName=commits',
      { AWS_ENDPOINT: 'https://s3.example' },
      { uri: 's3+ddb://gd/district?ddbTableName=commits', options: {} },
    ],
  ])('%s', (_name, given, env, expected) => {
    expect(storeLocation('/srv/gd', given, env)).toEqual(expected);
  });

  it('tells object-store URIs from folders', () => {
    expect(['s3://b/p', 's3+ddb://b/p', 'gs://b/p', 'az://c/p'].map(isObjectStoreUri)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['/srv/x', 'rel/x', 'file:///x', 'C:\\x'].map(isObjectStoreUri)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('storeMayHoldData', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govdraft-location-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is false for a missing or empty folder, true once a table exists, always true for an object store', () => {
    expect(storeMayHoldData(join(dir, 'missing'))).toBe(false);
    expect(storeMayHoldData(dir)).toBe(false);
    mkdirSync(join(dir, 'ledger.lance'));
    expect(storeMayHoldData(dir)).toBe(true);
    expect(storeMayHoldData('s3://gd/district')).toBe(true);
  });
});
