import { Hono } from 'hono';
import type { Engine } from '../engine.ts';
import { officeDirectory } from '../figures/index.ts';

/**
 * GET /api/offices — the offices the store holds (from its reports and its ledger rows), each with
 * its short name, counts and years, and how many ledger rows name no office: what an office picker
 * offers. A store never opened answers an empty list without opening one.
 */
export function officeRoutes(engine: Engine) {
  return new Hono().get('/', async (c) => {
    if (!engine.storeMayHoldData()) return c.json(officeDirectory([], []));
    const store = await engine.store();
    const [reports, ledger] = await Promise.all([store.listReports(), store.queryLedger({})]);
    return c.json(officeDirectory(reports, ledger));
  });
}
