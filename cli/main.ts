#!/usr/bin/env node
// LanceDB reads LANCEDB_LOG when its native module loads: set it before anything imports it.
process.env.LANCEDB_LOG ??= 'error';
await import('./run.ts');
