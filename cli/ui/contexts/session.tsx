import { useApp, useInput } from 'ink';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef } from 'react';

/** Work that must reach the disk before the UI exits (a save in flight, an edit in progress). */
type Flush = () => Promise<void> | void;

interface Session {
  /** Flushes every registered piece of work, then leaves the UI. */
  quit: () => void;
  /** Registers work to flush on quit; returns the unregister function. */
  onQuit: (flush: Flush) => () => void;
  /** Flushes everything registered (also on SIGTERM / SIGHUP, from outside React). */
  flush: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Owns leaving the UI: `q` on the home screen and Ctrl-C anywhere flush pending saves first, so no
 * work is lost however the writer leaves. `register` hands the flush to the process's signal handlers.
 */
export function SessionProvider({
  children,
  register,
}: {
  children: ReactNode;
  register?: (flush: () => Promise<void>) => void;
}) {
  const { exit } = useApp();
  const flushes = useRef(new Set<Flush>());
  const flush = useCallback(async () => {
    for (const f of [...flushes.current]) await f();
  }, []);
  const quit = useCallback(() => {
    flush().then(
      () => exit(),
      (error: unknown) => exit(error instanceof Error ? error : new Error(String(error))),
    );
  }, [flush, exit]);
  const onQuit = useCallback((f: Flush) => {
    flushes.current.add(f);
    return () => {
      flushes.current.delete(f);
    };
  }, []);
  useEffect(() => register?.(flush), [register, flush]);
  useInput((input, key) => {
    if (key.ctrl && input === 'c') quit();
  });
  const value = useMemo(() => ({ quit, onQuit, flush }), [quit, onQuit, flush]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session: quit, and registering work to flush before quitting. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}
