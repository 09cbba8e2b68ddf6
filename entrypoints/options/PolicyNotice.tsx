import { Notice } from '../../components/Notice';
import type { Policy } from './usePolicy';

/** A policy with problems is ignored; the page says so, and why, so that IT can fix it. */
export function PolicyNotice({ policy }: { policy: Policy | undefined }) {
  if (policy?.state !== 'invalid') return null;
  return (
    <Notice tone="error" testId="policy-problems">
      Your organization's policy for this extension has problems, so it was ignored. Tell your IT administrator:
      <ul>
        {policy.problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </Notice>
  );
}
