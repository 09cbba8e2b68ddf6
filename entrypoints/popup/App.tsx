import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { callBackground } from '../../lib/browser/messaging';
import type { ResponseOf } from '../../lib/messaging/protocol';

type Described = ResponseOf<'getIntuneConnection'>;

const openOptions = () => void callBackground('openOptionsPage', {}).then(() => window.close());

export function App() {
  const [described, setDescribed] = useState<Described>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    callBackground('getIntuneConnection', { verify: true }).then(setDescribed, (error: Error) => setProblem(error.message));
  }, []);

  const signIn = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const session = await callBackground('signInToIntune', {});
      setDescribed((current) => current && { ...current, session });
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

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
          <button type="button" disabled={busy} onClick={() => void signIn()}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </>
      )}
      {problem && <Notice tone="error">{problem}</Notice>}
      <p>
        <button type="button" class="secondary" onClick={openOptions}>
          Open options
        </button>
      </p>
    </main>
  );
}
