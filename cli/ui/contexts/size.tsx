import { useStdout } from 'ink';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

/** Columns and rows the UI lays itself out in. */
export interface TerminalSize {
  columns: number;
  rows: number;
}

const SizeContext = createContext<TerminalSize | null>(null);

/** Fixes the size (tests render 80×24 whatever the fake stdout says). */
export function SizeProvider({ size, children }: { size: TerminalSize; children: ReactNode }) {
  return <SizeContext.Provider value={size}>{children}</SizeContext.Provider>;
}

const fallback: TerminalSize = { columns: 80, rows: 24 };

const sizeOf = (stdout: NodeJS.WriteStream): TerminalSize => ({
  columns: stdout.columns || fallback.columns,
  rows: stdout.rows || fallback.rows,
});

/** The terminal's size, following resizes; a fixed size from <SizeProvider> wins. */
export function useTerminalSize(): TerminalSize {
  const fixed = useContext(SizeContext);
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    if (fixed) return;
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [fixed, stdout]);
  return fixed ?? size;
}
