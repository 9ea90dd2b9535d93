#!/usr/bin/env node
// LanceDB reads LANCEDB_LOG when its native module loads: set it before anything imports it.
process.env.LANCEDB_LOG ??= 'error';
// `govdraft … | head` closes stdout early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
await import('./run.ts');
