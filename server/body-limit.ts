/**
 * The largest request body in bytes: GOVDRAFT_MAX_BODY_MB megabytes, 32 by default. Free of imports,
 * so the CLI can size a file before reading it without loading the config's validation (zod).
 */
export function bodyLimitBytes(mb?: number): number {
  return Math.round((mb ?? 32) * 1024 * 1024);
}
