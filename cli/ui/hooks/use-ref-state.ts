import { useCallback, useRef, useState } from 'react';

/** A setter that takes a value or an update of the latest value. */
export type SetRefState<T> = (next: T | ((latest: T) => T)) => void;

/**
 * State that key handlers can read at once: a terminal delivers several keys in one chunk (tmux
 * send-keys, a paste, fast typing), and Ink calls the handler for each before React re-renders, so
 * a handler reading plain state would see the value from before the previous key. Handlers read
 * `ref.current`; rendering reads the value.
 */
export function useRefState<T>(initial: T | (() => T)): [T, SetRefState<T>, { readonly current: T }] {
  const [value, setValue] = useState(initial);
  const ref = useRef(value);
  const set = useCallback<SetRefState<T>>((next) => {
    ref.current = typeof next === 'function' ? (next as (latest: T) => T)(ref.current) : next;
    setValue(ref.current);
  }, []);
  return [value, set, ref];
}
