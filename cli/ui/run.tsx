import { render } from 'ink';
import type { Client } from '../client.ts';
import { App } from './app.tsx';
import type { Route } from './routes.ts';

const enterAltScreen = '\u001B[?1049h';
const leaveAltScreen = '\u001B[?1049l';

/**
 * Runs the terminal UI until the writer quits. It draws on the alternate screen (the shell's
 * scrollback comes back afterwards); SIGTERM and SIGHUP flush pending saves before exiting.
 */
export async function runTui(client: Client, initial?: Route): Promise<void> {
  let flush: (() => Promise<void>) | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    const done = () => process.exit(signal === 'SIGTERM' ? 143 : 129);
    (flush ? flush() : Promise.resolve()).then(done, done);
  };
  process.stdout.write(enterAltScreen);
  // Whatever ends the process, the writer gets their shell screen back.
  const restore = () => process.stdout.write(leaveAltScreen);
  process.once('exit', restore);
  process.on('SIGTERM', onSignal).on('SIGHUP', onSignal);
  const instance = render(
    <App
      client={client}
      initial={initial}
      registerFlush={(f) => {
        flush = f;
      }}
    />,
    { exitOnCtrlC: false },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('SIGTERM', onSignal).off('SIGHUP', onSignal).off('exit', restore);
    restore();
  }
}
