/** The HTTP edge's face for clients: what the CLI reads off the wire and how it waits out a busy server; the server's event-loop watch (route files are app.ts's parts). */
export type { Admission } from './admission.ts';
export { createAdmission } from './admission.ts';
export { whenAdmitted } from './admission-retry.ts';
export type { SseMessage } from './event-stream.ts';
export { readSse } from './event-stream.ts';
export { watchLoopDelay } from './loop-delay.ts';
export { chatWireEvent, draftWireEvent } from './streams.ts';
