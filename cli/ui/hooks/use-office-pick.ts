import { useEffect, useReducer } from 'react';
import { unwrap } from '../../client.ts';
import { useClient } from '../contexts/client.tsx';
import { noOffice, officePick } from '../office-pick.ts';

/**
 * The office a screen shows, from GET /api/offices (loaded once); `dispatch({ type: 'next' })` steps
 * to the next office. A store that cannot be read leaves the pick empty: every office is shown.
 */
export function useOfficePick() {
  const client = useClient();
  const [pick, dispatch] = useReducer(officePick, noOffice);
  useEffect(() => {
    let live = true;
    void (async () => {
      const { offices } = await unwrap(await client.api.offices.$get());
      if (live) dispatch({ type: 'loaded', offices });
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client]);
  return [pick, dispatch] as const;
}
