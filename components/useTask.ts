import { useCallback, useState } from 'preact/hooks';

/**
 * One task at a time for a part of a page: what it is doing now (a label to show) and what last
 * failed, in the words the background wrote for the admin.
 */
export function useTask() {
  const [busy, setBusy] = useState<string>();
  const [failure, setFailure] = useState<string>();

  const run = useCallback(async (label: string, task: () => Promise<void>) => {
    setBusy(label);
    setFailure(undefined);
    try {
      await task();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(undefined);
    }
  }, []);

  return { busy, failure, setFailure, run };
}
