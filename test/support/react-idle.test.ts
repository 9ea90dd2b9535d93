import { createRequire } from 'node:module';
import * as scheduler from 'scheduler';
import { describe, expect, it } from 'vitest';
import { reactIdle } from './react-idle.ts';

describe('reactIdle', () => {
  it('waits on the scheduler React renders with, not a second copy', () => {
    // Ink's reconciler resolves its own `scheduler`; an idle task only follows React's effects when
    // both are the same module instance.
    const fromReconciler = createRequire(createRequire(import.meta.url).resolve('react-reconciler'))(
      'scheduler',
    );
    expect(fromReconciler.unstable_scheduleCallback).toBe(scheduler.unstable_scheduleCallback);
  });

  it('runs after every task queued at a higher priority before it', async () => {
    const ran: string[] = [];
    // NormalPriority: the priority React flushes passive effects at.
    scheduler.unstable_scheduleCallback(scheduler.unstable_NormalPriority, () => ran.push('effects'));
    await reactIdle();
    expect(ran).toEqual(['effects']);
  });
});
