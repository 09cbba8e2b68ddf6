import { useEffect, useState } from 'preact/hooks';
import type { z } from 'zod';
import { Notice } from '../../../components/Notice';
import { TextField } from '../../../components/TextField';
import { useTask } from '../../../components/useTask';
import { IntuneSettingsSchema, type IntuneSettings } from '../../../lib/auth/settings';
import { callBackground } from '../../../lib/browser/messaging';
import { requestCloudAccess } from '../../../lib/browser/permissions';
import { CLOUDS, type Cloud } from '../../../lib/graph/clouds';
import type { ConnectionTestReportSchema } from '../../../lib/messaging/intune-messages';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { takeConnectionPrefill } from '../connection-prefill';
import { POLICY_NOTE, usePolicy } from '../usePolicy';
import { PermissionChecks } from './intune/PermissionChecks';
import { SetupGuide } from './intune/SetupGuide';

type Described = ResponseOf<'getIntuneConnection'>;
type Report = z.infer<typeof ConnectionTestReportSchema>;
type Form = { tenantId: string; clientId: string; applicationObjectId: string; cloud: Cloud };
type FieldErrors = Partial<Record<keyof Form, string>>;

const EMPTY: Form = { tenantId: '', clientId: '', applicationObjectId: '', cloud: 'global' };

export function IntuneConnection() {
  const [described, setDescribed] = useState<Described>();
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<{ saved: boolean; report: Report }>();
  const { busy, failure, setFailure, run } = useTask();
  const [prefill] = useState(() => takeConnectionPrefill('intune'));
  const policy = usePolicy();
  const pinned = policy?.state === 'applied' ? policy.connections.intune : undefined;

  useEffect(() => {
    if (pinned) setForm(pinned);
  }, [pinned]);

  const refresh = async () => {
    const next = await callBackground('getIntuneConnection', { verify: false });
    setDescribed(next);
    return next;
  };

  useEffect(() => {
    const load = async () => {
      // Read even when an import filled the form: the setup guide and the saved connection's state come with it.
      const saved = (await refresh()).connection?.settings;
      const shown = prefill ?? saved;
      if (shown) setForm(shown);
    };
    load().catch((error: Error) => setFailure(error.message));
  }, []);

  const update = (field: keyof Form) => (value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const testAndSave = async (event: Event) => {
    event.preventDefault();
    setOutcome(undefined);
    setFailure(undefined);
    const parsed = IntuneSettingsSchema.safeParse(form);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    await run('Testing… finish signing in', async () => {
      if (!(await requestCloudAccess(parsed.data.cloud))) {
        throw new Error(`The extension needs access to ${CLOUDS[parsed.data.cloud].label}'s sign-in and Graph hosts. Allow it when the browser asks, then test again.`);
      }
      setOutcome(await callBackground('testAndSaveIntuneConnection', parsed.data satisfies IntuneSettings));
      await refresh();
    });
  };

  const signOut = (everywhere: boolean) =>
    run(everywhere ? 'Signing out of Microsoft… finish in the Microsoft window' : 'Signing out…', async () => {
      const session = await callBackground(everywhere ? 'signOutOfMicrosoft' : 'signOutOfIntune', {});
      setDescribed((current) => current && { ...current, session });
    });

  return (
    <section class="card" aria-labelledby="intune-heading" data-testid="intune-connection">
      <h2 id="intune-heading">Microsoft Intune</h2>
      <p class="muted">Connect to Microsoft Intune through Microsoft Graph, signed in with your own account.</p>
      {described && <SetupGuide redirectUri={described.redirectUri} permissions={described.requiredPermissions} />}
      {described?.unreadable && <Notice tone="warn" testId="intune-unreadable">{described.unreadable}</Notice>}
      {described?.connection && <ConnectionState described={described} busy={busy !== undefined} onSignOut={(everywhere) => void signOut(everywhere)} />}
      {pinned && <Notice tone="info" testId="intune-policy">{POLICY_NOTE} Sign in with Test and Save Connection.</Notice>}
      {prefill && !pinned && <Notice tone="info">Filled in from the imported configuration: check the values, then Test and Save Connection.</Notice>}
      <form onSubmit={(event) => void testAndSave(event)} noValidate>
        <TextField id="tenantId" label="Tenant ID" value={form.tenantId} onInput={update('tenantId')} readOnly={pinned !== undefined} error={errors.tenantId}
          hint="Directory (tenant) ID from the app's Overview page, or a verified domain." placeholder="00000000-0000-0000-0000-000000000000" />
        <TextField id="clientId" label="Client ID" value={form.clientId} onInput={update('clientId')} readOnly={pinned !== undefined} error={errors.clientId}
          hint="Application (client) ID from the app's Overview page." placeholder="00000000-0000-0000-0000-000000000000" />
        <TextField id="applicationObjectId" label="Application Object ID" value={form.applicationObjectId} onInput={update('applicationObjectId')} readOnly={pinned !== undefined}
          error={errors.applicationObjectId} hint="Optional. Kept for reference and diagnostics." />
        <div class="field">
          <label for="cloud">Cloud</label>
          <select id="cloud" value={form.cloud} disabled={pinned !== undefined} onChange={(event) => update('cloud')(event.currentTarget.value)}>
            {Object.entries(CLOUDS).map(([key, cloud]) => (
              <option key={key} value={key}>
                {cloud.label}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" disabled={busy !== undefined}>
            {busy ?? 'Test and Save Connection'}
          </button>
        </div>
      </form>
      {failure && <Notice tone="error" testId="intune-failure">{failure}</Notice>}
      {outcome && <TestOutcome {...outcome} />}
    </section>
  );
}

function ConnectionState({ described, busy, onSignOut }: { described: Described; busy: boolean; onSignOut: (everywhere: boolean) => void }) {
  const { connection, session } = described;
  if (!connection) return null;
  return (
    <Notice tone={session.state === 'signed-in' ? 'ok' : 'warn'} testId="intune-state">
      Connected to tenant <strong>{connection.account.tenantId}</strong> as <strong>{connection.account.username}</strong>.{' '}
      {session.state === 'signed-in' ? (
        <>
          Signed in{session.expiresAt ? ` until ${new Date(session.expiresAt).toLocaleString()}` : ''}; renewed automatically while your Microsoft
          session lasts.{' '}
          <button type="button" class="secondary" disabled={busy} onClick={() => onSignOut(false)}>
            Sign out
          </button>
        </>
      ) : (
        <>
          Signed out: nothing signs you in again until you choose Sign in on the toolbar button, or test the connection below. Your browser may still
          be signed in to Microsoft.{' '}
          <button type="button" class="secondary" disabled={busy} onClick={() => onSignOut(true)}>
            Sign out of Microsoft too
          </button>
        </>
      )}
    </Notice>
  );
}

function TestOutcome({ saved, report }: { saved: boolean; report: Report }) {
  return (
    <div data-testid="intune-test-outcome" data-saved={String(saved)}>
      {saved ? (
        <Notice tone="ok">
          Connection saved. Signed in as <strong>{report.account?.username}</strong>; every permission is granted.
        </Notice>
      ) : (
        <Notice tone="error">
          {report.problem?.message ?? 'The connection test did not pass.'} The previous connection was left as it was.
        </Notice>
      )}
      <PermissionChecks report={report} />
    </div>
  );
}
