/**
 * Runs tasks one after another, in the order they were handed in: a task starts only when the
 * one before it has settled, whether it succeeded or failed, and a failure reaches only the
 * caller of the task that failed.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
