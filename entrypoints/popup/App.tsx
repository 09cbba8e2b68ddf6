import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { useTask } from '../../components/useTask';
import { callBackground } from '../../lib/browser/messaging';
import type { ResponseOf } from '../../lib/messaging/protocol';
import { QuickSync } from './QuickSync';

type Described = ResponseOf<'getIntuneConnection'>;

const openOptions = () => void callBackground('openOptionsPage', {}).then(() => window.close());

export function App() {
  const [described, setDescribed] = useState<Described>();
  const { busy, failure: problem, setFailure: setProblem, run } = useTask();

  useEffect(() => {
    callBackground('getIntuneConnection', { verify: true }).then(setDescribed, (error: Error) => setProblem(error.message));
  }, []);

  const signIn = () =>
    run('Signing in…', async () => {
      const session = await callBackground('signInToIntune', {});
      setDescribed((current) => current && { ...current, session });
    });

  const connection = described?.connection;
  const session = described?.session;

  return (
    <main class="popup" data-testid="popup">
      <h1>Intune Companion</h1>
      {!described && !problem && <p class="muted">Loading…</p>}
      {described && !connection && <p data-testid="intune-status">Microsoft Intune is not connected yet.</p>}
      {connection && session?.state === 'signed-in' && (
        <p data-testid="intune-status">
          Signed in to Intune as <strong>{session.account.username}</strong>
          <br />
          <span class="muted">
            Tenant {session.account.tenantId}
            {session.expiresAt ? ` · session until ${new Date(session.expiresAt).toLocaleString()}` : ''}
          </span>
        </p>
      )}
      {connection && session?.state === 'signed-out' && (
        <>
          {session.problem && <Notice tone="warn">{session.problem.message}</Notice>}
          <p data-testid="intune-status">
            Signed out of Intune (tenant {connection.account.tenantId}). Sign in as <strong>{connection.account.username}</strong> to sync and
            act on devices.
          </p>
          <button type="button" disabled={busy !== undefined} onClick={() => void signIn()}>
            {busy ?? 'Sign in'}
          </button>
        </>
      )}
      {problem && <Notice tone="error">{problem}</Notice>}
      <QuickSync />
      <p>
        <button type="button" class="secondary" onClick={openOptions}>
          Open options
        </button>
      </p>
    </main>
  );
}
