import type { Command } from 'commander';
import { type Client, createClient } from './client.ts';

/** Global options every command accepts. */
export interface GlobalOptions {
  dataDir?: string;
  store?: string;
  server?: string;
}

/** What a command needs: the configuration (flags > env > defaults) and the API client. */
export interface CliContext {
  client: Client;
  server: string | null;
  dataDir: string;
}

/** Builds the context from the global options of the program a command belongs to. */
export async function contextOf(command: Command): Promise<CliContext> {
  const globals = command.optsWithGlobals<GlobalOptions>();
  // Loaded here, not at start: its validation (zod) is not needed to print --help.
  const { loadConfig } = await import('../server/config.ts');
  const config = loadConfig({ dataDir: globals.dataDir, store: globals.store });
  const server = globals.server ?? null;
  return { client: await createClient(config, server ?? undefined), server, dataDir: config.dataDir };
}
