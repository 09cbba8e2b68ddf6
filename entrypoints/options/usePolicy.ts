import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '../../lib/browser/messaging';
import type { ResponseOf } from '../../lib/messaging/protocol';

export type Policy = ResponseOf<'getPolicy'>;

/** The enterprise policy as the background applied it; undefined while it loads (or if it cannot be asked). */
export function usePolicy(): Policy | undefined {
  const [policy, setPolicy] = useState<Policy>();
  useEffect(() => {
    callBackground('getPolicy', {}).then(setPolicy, () => setPolicy(undefined));
  }, []);
  return policy;
}

export const POLICY_NOTE = "Set by your organization's policy: shown here read-only. Ask your IT administrator to change it.";
