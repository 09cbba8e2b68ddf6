/**
 * Runs tasks one at a time, in the order they were queued: a check and the write that follows it
 * cannot interleave with another task's, so two racing requests cannot both pass the same check.
 */
export function serialQueue() {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
}
