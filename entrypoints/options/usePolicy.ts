import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { callBackground } from '../../lib/browser/messaging';
import type { ResponseOf } from '../../lib/messaging/protocol';

export type Policy = ResponseOf<'getPolicy'>;

/** The policy the page loaded once (App), for every part that shows what it sets. */
export const PolicyContext = createContext<Policy | undefined>(undefined);

/** Asks the background for the enterprise policy, once per page: App does, and hands it down in PolicyContext. */
export function useLoadedPolicy(): Policy | undefined {
  const [policy, setPolicy] = useState<Policy>();
  useEffect(() => {
    callBackground('getPolicy', {}).then(setPolicy, () => setPolicy(undefined));
  }, []);
  return policy;
}

/** The enterprise policy as the background applied it; undefined while it loads (or if it cannot be asked). */
export function usePolicy(): Policy | undefined {
  return useContext(PolicyContext);
}

export const POLICY_NOTE = "Set by your organization's policy: shown here read-only. Ask your IT administrator to change it.";
