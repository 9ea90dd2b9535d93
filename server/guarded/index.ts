/** Guarded generation: the model writes, every figure is guarded, one retry, else the engine's text — one step, one event vocabulary. */
export { guardedGeneration, guardedText } from './generate.ts';
export type {
  Fallback,
  GuardedEvent,
  GuardedReason,
  GuardedRequest,
  GuardedResult,
  Refusal,
  Verdict,
} from './types.ts';
