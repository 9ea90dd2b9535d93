/** The messages between a worker pool and its workers, and errors made fit to cross between them. */
import { type ErrorCode, type ErrorDetail, GovdraftError, toGovdraftError } from '../errors.ts';

/** Tasks a worker serves: name → function of one (structured-cloneable) input. */
export type TaskTable = Record<string, (input: never) => unknown>;

/** A task sent to a worker. */
export interface TaskMessage {
  id: number;
  task: string;
  input: unknown;
}

/** An error as it crosses the thread boundary (class identity does not survive structured cloning). */
export interface WireError {
  code: ErrorCode;
  messageZh: string;
  messageEn: string;
  details: ErrorDetail[];
}

/** A worker's answer to one task. */
export type ResultMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError };

/** Any error thrown by a task, as it is sent back. */
export function toWire(error: unknown): WireError {
  const e = toGovdraftError(error);
  return { code: e.code, messageZh: e.messageZh, messageEn: e.message, details: e.details };
}

/** The GovdraftError a task threw, rebuilt on the pool's side. */
export function fromWire(wire: WireError): GovdraftError {
  return new GovdraftError(wire.code, wire.messageZh, wire.messageEn, { details: wire.details });
}
