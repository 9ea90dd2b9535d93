import type { Command } from 'commander';
import { loadConfig } from '../server/config.ts';
import { type Client, createClient } from './client.ts';

/** Global options every command accepts. */
export interface GlobalOptions {
  dataDir?: string;
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
  const config = loadConfig({ dataDir: globals.dataDir });
  const server = globals.server ?? null;
  return { client: await createClient(config, server ?? undefined), server, dataDir: config.dataDir };
}
