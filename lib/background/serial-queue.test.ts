import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial-queue';

/** A promise and the function that settles it, for tasks that finish when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('SerialQueue', () => {
  it('starts a task only after the one before it has finished, in the order they were handed in', async () => {
    const queue = new SerialQueue();
    const events: string[] = [];
    const first = gate();
    const a = queue.run(async () => {
      events.push('a starts');
      await first.opened;
      events.push('a ends');
      return 'a';
    });
    const b = queue.run(async () => {
      events.push('b starts');
      return 'b';
    });
    // b is queued behind a, which is still waiting: b must not have started.
    await Promise.resolve();
    await Promise.resolve();
    expect(events).toEqual(['a starts']);
    first.open();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(events).toEqual(['a starts', 'a ends', 'b starts']);
  });

  it('a failed task fails only its own caller; the next one still runs', async () => {
    const queue = new SerialQueue();
    const failed = queue.run(async () => {
      throw new Error('storage full');
    });
    const next = queue.run(async () => 'ran');
    await expect(failed).rejects.toThrow('storage full');
    expect(await next).toBe('ran');
  });
});
