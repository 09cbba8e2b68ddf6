/** Resolves when the user presses Ctrl-C (or the process is asked to stop), so the caller can clean up. */
export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
