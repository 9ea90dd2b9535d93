import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { bodyLimitBytes } from './body-limit.ts';
import { GovdraftError } from './errors.ts';

/** An OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp, Xinference, DeepSeek, Qwen…). */
export interface ModelEndpoint {
  baseURL: string;
  apiKey: string;
  chatModel: string | null;
  embedModel: string | null;
  /** Per-request timeout; the models layer retries with backoff before giving up. */
  timeoutMs: number;
  maxRetries: number;
}

export interface Config {
  /** Local files: drafts, the write lock and, unless `store` says otherwise, the LanceDB tables. */
  dataDir: string;
  /** Where the LanceDB tables live (`--store` / GOVDRAFT_STORE_URI): a folder or `s3://bucket/prefix`; null: `<dataDir>/lancedb`. */
  store: string | null;
  host: string;
  port: number;
  /** Bearer token the server requires; mandatory when bound beyond loopback. */
  token: string | null;
  /** Largest request body the API accepts, in bytes. */
  maxBodyBytes: number;
  /** null: no model configured — every feature runs on the offline engines. */
  model: ModelEndpoint | null;
  /** Worker threads for parsing and checking uploads: how many (0: on the main thread), each one's deadline and heap. */
  workers: { size: number; deadlineMs: number; memoryMb: number };
  /** CPU-bound requests (search, check, drafting, imports) running at once, waiting, and the longest expected wait let in before 503. */
  requests: { active: number; queue: number; maxWaitMs: number };
}

/** Values given on the command line; they win over the environment. */
export interface ConfigFlags {
  dataDir?: string;
  store?: string;
  host?: string;
  port?: number | string;
  token?: string;
  /** Worker threads (`serve --workers N`). */
  workers?: number | string;
}

const envSchema = z.object({
  GOVDRAFT_DATA_DIR: z.string().min(1).optional(),
  GOVDRAFT_STORE_URI: z.string().min(1).optional(),
  GOVDRAFT_HOST: z.string().min(1).optional(),
  GOVDRAFT_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  GOVDRAFT_TOKEN: z.string().min(1).optional(),
  GOVDRAFT_MAX_BODY_MB: z.coerce.number().positive().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_API_KEY: z.string().optional(),
  GOVDRAFT_CHAT_MODEL: z.string().min(1).optional(),
  GOVDRAFT_EMBED_MODEL: z.string().min(1).optional(),
  GOVDRAFT_MODEL_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  GOVDRAFT_MODEL_RETRIES: z.coerce.number().int().min(0).max(10).optional(),
  GOVDRAFT_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  GOVDRAFT_WORKER_TIMEOUT_MS: z.coerce.number().int().min(100).optional(),
  GOVDRAFT_WORKER_MEMORY_MB: z.coerce.number().int().min(32).max(16_384).optional(),
  GOVDRAFT_MAX_ACTIVE: z.coerce.number().int().min(1).max(1024).optional(),
  GOVDRAFT_MAX_QUEUE: z.coerce.number().int().min(0).max(100_000).optional(),
  GOVDRAFT_MAX_WAIT_MS: z.coerce.number().int().min(1).max(600_000).optional(),
});

/** One worker on a two-core machine leaves a core for the event loop; two beyond that. */
const defaultWorkers = (): number => (availableParallelism() > 2 ? 2 : 1);

const blank = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

/**
 * Reads the configuration once: flags > environment > defaults, validated.
 * @example loadConfig({ dataDir: '/tmp/gd' }, process.env)
 */
export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, blank(value)]));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? '');
    throw new GovdraftError(
      'config_invalid',
      `环境变量 ${name} 的取值无效`,
      `Invalid environment variable ${name}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const e = parsed.data;
  const port = flags.port === undefined ? (e.GOVDRAFT_PORT ?? 8787) : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new GovdraftError('config_invalid', `端口号无效:${flags.port}`, `Invalid port: ${flags.port}`);
  }
  const workers = flags.workers === undefined ? undefined : Number(flags.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 64)) {
    throw new GovdraftError(
      'config_invalid',
      `工作线程数无效\uFF1A${flags.workers}\uFF08应为 0 到 64 的整数\uFF09`,
      `Invalid --workers: ${flags.workers} (an integer 0–64)`,
    );
  }
  const model: ModelEndpoint | null = e.OPENAI_BASE_URL
    ? {
        baseURL: e.OPENAI_BASE_URL,
        apiKey: e.OPENAI_API_KEY ?? 'not-needed',
        chatModel: e.GOVDRAFT_CHAT_MODEL ?? null,
        embedModel: e.GOVDRAFT_EMBED_MODEL ?? null,
        timeoutMs: e.GOVDRAFT_MODEL_TIMEOUT_MS ?? 60_000,
        maxRetries: e.GOVDRAFT_MODEL_RETRIES ?? 2,
      }
    : null;
  return {
    dataDir: resolve(flags.dataDir ?? e.GOVDRAFT_DATA_DIR ?? '.govdraft'),
    store: flags.store ?? e.GOVDRAFT_STORE_URI ?? null,
    host: flags.host ?? e.GOVDRAFT_HOST ?? '127.0.0.1',
    port,
    token: flags.token ?? e.GOVDRAFT_TOKEN ?? null,
    maxBodyBytes: bodyLimitBytes(e.GOVDRAFT_MAX_BODY_MB),
    model,
    workers: {
      size: workers ?? e.GOVDRAFT_WORKERS ?? defaultWorkers(),
      deadlineMs: e.GOVDRAFT_WORKER_TIMEOUT_MS ?? 30_000,
      memoryMb: e.GOVDRAFT_WORKER_MEMORY_MB ?? 256,
    },
    // Four at once keep LanceDB's four threads and a worker busy; 64 waiting is about 0.5 s of
    // searches on two cores, past which a client is better told to come back (503, Retry-After).
    requests: {
      active: e.GOVDRAFT_MAX_ACTIVE ?? 4,
      queue: e.GOVDRAFT_MAX_QUEUE ?? 64,
      maxWaitMs: e.GOVDRAFT_MAX_WAIT_MS ?? 250,
    },
  };
}
