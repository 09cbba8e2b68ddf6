import { Notice } from '../../../components/Notice';
import type { MappingProblemView } from '../../../lib/messaging/mapping-messages';

/** What the check against the live collection found: errors make the mapping not runnable, warnings advise. */
export function ProblemList({ problems }: { problems: MappingProblemView[] }) {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  return (
    <div data-testid="mapping-problems" data-runnable={String(errors.length === 0)}>
      {errors.length > 0 && (
        <Notice tone="error">
          <strong>Not runnable.</strong> Fix {errors.length === 1 ? 'this' : 'these'} before the mapping can be saved or run:
          <Problems problems={errors} />
        </Notice>
      )}
      {warnings.length > 0 && (
        <Notice tone="warn">
          <Problems problems={warnings} />
        </Notice>
      )}
    </div>
  );
}

function Problems({ problems }: { problems: MappingProblemView[] }) {
  return (
    <ul>
      {problems.map((problem) => (
        <li key={problem.message} data-code={problem.code}>
          {problem.message}
        </li>
      ))}
    </ul>
  );
}
