import { useState } from 'react';
import type { Client } from '../client.ts';
import { ClientProvider } from './contexts/client.tsx';
import { SessionProvider } from './contexts/session.tsx';
import { SizeProvider, type TerminalSize } from './contexts/size.tsx';
import type { Route } from './routes.ts';
import { ChatScreen } from './screens/chat.tsx';
import { CheckScreen } from './screens/check.tsx';
import { CorpusScreen } from './screens/corpus.tsx';
import { DraftNewScreen } from './screens/draft-new.tsx';
import { HomeScreen } from './screens/home.tsx';
import { WorkspaceScreen } from './screens/workspace.tsx';

export interface AppProps {
  client: Client;
  /** The screen to open on (tests open a screen directly). */
  initial?: Route;
  /** A fixed size instead of the terminal's (tests: 80×24). */
  size?: TerminalSize;
  /** Receives the flush-everything function, for signal handlers outside React. */
  registerFlush?: (flush: () => Promise<void>) => void;
}

/** Shows the screen of the current route. */
function Router({ initial }: { initial: Route }) {
  const [route, setRoute] = useState<Route>(initial);
  const home = () => setRoute({ name: 'home' });
  switch (route.name) {
    case 'chat':
      return <ChatScreen onBack={home} />;
    case 'check':
      return <CheckScreen onBack={home} />;
    case 'corpus':
      return <CorpusScreen onBack={home} />;
    case 'draft-new':
      return <DraftNewScreen onBack={home} onOpen={(draftId) => setRoute({ name: 'workspace', draftId })} />;
    case 'workspace':
      return <WorkspaceScreen key={route.draftId} draftId={route.draftId} onBack={home} />;
    default:
      return <HomeScreen navigate={setRoute} />;
  }
}

/** The terminal UI: every screen, with the API client, the session (quit, flush) and the size. */
export function App({ client, initial = { name: 'home' }, size, registerFlush }: AppProps) {
  const app = (
    <ClientProvider client={client}>
      <SessionProvider register={registerFlush}>
        <Router initial={initial} />
      </SessionProvider>
    </ClientProvider>
  );
  return size ? <SizeProvider size={size}>{app}</SizeProvider> : app;
}
