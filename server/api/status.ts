import { Hono } from 'hono';
import { z } from 'zod';
import type { Engine } from '../engine.ts';
import { probeModel } from '../models/index.ts';
import { redactSecrets, redactUrl } from '../redact.ts';
import { validate } from './validate.ts';

const statusQuery = z.object({ probe: z.enum(['0', '1']).default('0') });

/** GET /api/status — corpus and ledger counts, embedding, model (probed on `?probe=1`). */
export function statusRoutes(engine: Engine) {
  return new Hono().get('/', validate('query', statusQuery), async (c) => {
    const store = await engine.store();
    const { model } = engine.config;
    const probed = model && c.req.valid('query').probe === '1' ? await probeModel(model) : null;
    const probe = probed && {
      ...probed,
      message_zh: redactSecrets(probed.message_zh),
      message_en: redactSecrets(probed.message_en),
    };
    const info = store.info();
    return c.json({
      dataDir: engine.config.dataDir,
      store: engine.location.uri,
      counts: await store.counts(),
      embedding: {
        ...info,
        embedderId: redactSecrets(info.embedderId),
        storedEmbedderId: info.storedEmbedderId && redactSecrets(info.storedEmbedderId),
      },
      model: model
        ? {
            baseURL: redactUrl(model.baseURL),
            chatModel: model.chatModel,
            embedModel: model.embedModel,
            probe,
          }
        : null,
    });
  });
}
