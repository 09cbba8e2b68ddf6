import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../../../components/Notice';
import { useTask } from '../../../components/useTask';
import { callBackground } from '../../../lib/browser/messaging';
import { sourceField } from '../../../lib/mapping/entities';
import type { MappingProblemView } from '../../../lib/messaging/mapping-messages';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { routeHash } from '../route';
import { POLICY_NOTE, type Policy } from '../usePolicy';
import { ConfigurationFiles } from './ConfigurationFiles';

type Stored = ResponseOf<'listMappings'>['mappings'][number];

/** The Mappings list: each mapping with whether it can run now, checked against Asset Panda. */
export function MappingsList({ policy }: { policy: Policy | undefined }) {
  const [mappings, setMappings] = useState<Stored[]>();
  const [checks, setChecks] = useState<Map<string, MappingProblemView[]>>();
  const [checkFailure, setCheckFailure] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const { busy, failure, setFailure, run } = useTask();
  const managed = new Set(policy?.state === 'applied' ? policy.mappingIds : []);

  const load = async () => {
    setMappings((await callBackground('listMappings', {})).mappings);
    setChecks(undefined);
    setCheckFailure(undefined);
    // Checking reads every collection's fields from Asset Panda: the list shows first.
    callBackground('checkMappings', {}).then(
      ({ checks: answer }) => setChecks(new Map(answer.map(({ id, problems }) => [id, problems]))),
      (error: Error) => setCheckFailure(error.message),
    );
  };

  useEffect(() => {
    load().catch((error: Error) => setFailure(error.message));
  }, []);

  const remove = (id: string) =>
    run('Deleting…', async () => {
      setConfirming(undefined);
      await callBackground('deleteMapping', { id });
      await load();
    });

  return (
    <section class="card" data-testid="mappings-part" aria-labelledby="mappings-heading">
      <h2 id="mappings-heading">Mappings</h2>
      <p class="muted">
        A mapping says which Intune devices go into which Asset Panda collection, field by field, and how a device finds its record (the Unique
        Identifier).
      </p>
      {failure && <Notice tone="error">{failure}</Notice>}
      {checkFailure && <Notice tone="warn">The mappings could not be checked against Asset Panda: {checkFailure}</Notice>}
      {mappings?.length === 0 && <p data-testid="no-mappings">No mappings yet. Create one to map Intune devices onto an Asset Panda collection.</p>}
      {mappings && mappings.length > 0 && (
        <table class="checks" data-testid="mappings-list">
          <thead>
            <tr>
              <th>Mapping Name</th>
              <th>Collection</th>
              <th>Unique Identifier</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {mappings.map((entry) => {
              const id = entry.readable ? entry.mapping.id : entry.id;
              return (
                <tr key={id} data-testid="mapping-row">
                  {entry.readable ? (
                    <>
                      <td>
                        <a href={routeHash('mappings', id)}>{entry.mapping.name}</a>
                        {managed.has(id) && (
                          <span class="pill pill--not-checked" title={POLICY_NOTE}>
                            {' '}
                            Set by policy
                          </span>
                        )}
                      </td>
                      <td>{entry.mapping.collection.name}</td>
                      <td>{entry.mapping.matchKeys.map((key) => sourceField(entry.mapping.entity, key)?.label ?? key).join(', then ')}</td>
                      <td data-testid="mapping-state">
                        <MappingState problems={checks?.get(id)} />
                      </td>
                    </>
                  ) : (
                    <>
                      <td colSpan={3}>
                        <code>{id}</code>
                      </td>
                      <td data-testid="mapping-state">
                        <span class="pill pill--missing">Unreadable</span> {entry.problem}
                      </td>
                    </>
                  )}
                  <td class="row-actions">
                    {confirming === id ? (
                      <span role="group" aria-label="Confirm delete">
                        Delete “{entry.readable ? entry.mapping.name : id}”?{' '}
                        <button type="button" class="danger" disabled={busy !== undefined} onClick={() => void remove(id)}>
                          Delete
                        </button>{' '}
                        <button type="button" class="secondary" onClick={() => setConfirming(undefined)}>
                          Keep
                        </button>
                      </span>
                    ) : (
                      !managed.has(id) && (
                        <button type="button" class="secondary" disabled={busy !== undefined} onClick={() => setConfirming(id)}>
                          Delete…
                        </button>
                      )
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {!mappings && !failure && <p class="muted">Loading mappings…</p>}
      <div class="actions">
        <a class="button" href={routeHash('mappings', 'new')}>
          New mapping
        </a>
        {busy && <span class="muted" role="status">{busy}</span>}
      </div>
      <ConfigurationFiles onImported={() => void load()} />
    </section>
  );
}

/** Runnable, or not runnable with the first error in words. */
function MappingState({ problems }: { problems: MappingProblemView[] | undefined }) {
  if (!problems) return <span class="muted">Checking…</span>;
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.length - errors.length;
  if (errors.length === 0) {
    return (
      <>
        <span class="pill pill--granted">Runnable</span>
        {warnings > 0 && <span class="muted"> ({warnings === 1 ? '1 warning' : `${warnings} warnings`})</span>}
      </>
    );
  }
  return (
    <>
      <span class="pill pill--missing">Not runnable</span> {errors[0]!.message}
      {errors.length > 1 && <span class="muted"> (and {errors.length - 1} more)</span>}
    </>
  );
}
