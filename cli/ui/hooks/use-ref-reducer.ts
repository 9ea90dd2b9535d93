import { useCallback, useRef, useState } from 'react';

/**
 * A reducer whose latest state key handlers can read at once, for the reason useRefState gives: Ink
 * calls the handler for each key of a chunk before React re-renders. `dispatch` applies the action
 * to `latest.current` at once; rendering reads `state`.
 */
export function useRefReducer<S, A>(
  reducer: (state: S, action: A) => S,
  initial: S,
): [S, (action: A) => void, { readonly current: S }] {
  const [state, setState] = useState(initial);
  const latest = useRef(state);
  const dispatch = useCallback(
    (action: A) => {
      latest.current = reducer(latest.current, action);
      setState(latest.current);
    },
    [reducer],
  );
  return [state, dispatch, latest];
}
