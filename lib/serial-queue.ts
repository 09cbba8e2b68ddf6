/**
 * Runs the tasks given to it one at a time, in the order they came; one that fails does not stop
 * the next. For work that must not interleave with itself: two reads of a policy, two spends of one token.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
}
