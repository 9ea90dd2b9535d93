import { createContext, type ReactNode, useContext } from 'react';
import type { Client } from '../../client.ts';

const ClientContext = createContext<Client | null>(null);

/** Makes the API client (in-process or `--server`) available to every screen. */
export function ClientProvider({ client, children }: { client: Client; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

/** The API client: the UI's only way to the engine. */
export function useClient(): Client {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside <ClientProvider>');
  return client;
}
