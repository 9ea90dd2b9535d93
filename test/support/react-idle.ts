import { unstable_IdlePriority, unstable_scheduleCallback } from 'scheduler';

/**
 * Resolves once React has no work left before idle time. Ink renders synchronously, but React runs
 * passive effects — where Ink attaches each component's input listener — as tasks of its scheduler,
 * at a higher priority than idle; an idle-priority task therefore runs after them, however busy the
 * machine is. Ink's own deferred Escape key (a setImmediate) is queued before it too.
 */
export function reactIdle(): Promise<void> {
  return new Promise((resolve) => {
    unstable_scheduleCallback(unstable_IdlePriority, () => resolve());
  });
}
