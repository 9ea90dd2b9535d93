/** What the drafting API tests share: a server with the bundled corpus, requests, SSE bodies, the sample ledger. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { AuditEntry, Draft, DraftStats, DraftWarning } from '../../server/draft/index.ts';
import { corpusDir } from '../../server/paths.ts';
import { startTestServer, type TestServer } from './api-server.ts';

/** The 2017 sample ledger as a request sends it. */
export const ledgerFile = () => ({
  fileName: 'ganquan-2017-sample.csv',
  contentBase64: readFileSync(join(corpusDir, 'ledgers', 'ganquan-2017-sample.csv')).toString('base64'),
});

/** The body of POST /api/draft. */
export interface WholeBody {
  draft: Draft;
  stats: DraftStats;
  warnings: DraftWarning[];
  audit: AuditEntry[];
  elapsedMs: number;
}

/** The events of an SSE body: name and parsed data, in order. */
export function sseEvents(body: string): { event: string; data: Record<string, unknown> }[] {
  return body
    .split(/\n\n+/)
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return { event, data: JSON.parse(data) as Record<string, unknown> };
    });
}

/** The API over HTTP with the bundled corpus loaded. */
export async function startWithCorpus(env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const server = await startTestServer(env);
  expect((await server.api('/api/corpus/bundled', { method: 'POST' })).status).toBe(200);
  return server;
}

/** POSTs JSON to the server. */
export const post = (server: TestServer, path: string, body: unknown) =>
  server.api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
