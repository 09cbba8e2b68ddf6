import { CopyField } from '../../../../components/CopyField';

/** How to register the app in Azure for this extension: Asset Panda's steps, adapted to sign-in. */
export function SetupGuide({ redirectUri, permissions }: { redirectUri: string; permissions: Array<{ scope: string; purpose: string }> }) {
  return (
    <details class="setup" open>
      <summary>Set up the app registration in Azure</summary>
      <ol>
        <li>
          In the Azure Portal open <strong>App Registrations</strong> → <strong>New Registration</strong>, name it (for example
          “Intune Integration”) and choose <strong>Accounts in this organizational directory only (Single tenant)</strong>.
        </li>
        <li>
          Under <strong>Authentication</strong> → <strong>Add a platform</strong> → <strong>Single-page application</strong>, add this
          redirect URI exactly:
          <CopyField label="Redirect URI" value={redirectUri} testId="redirect-uri" />
        </li>
        <li>
          Under <strong>API Permissions</strong> → <strong>Add a permission</strong> → <strong>Microsoft Graph</strong> →{' '}
          <strong>Delegated permissions</strong>, add:
          <ul>
            {permissions.map((p) => (
              <li key={p.scope}>
                <code>{p.scope}</code> — {p.purpose}
              </li>
            ))}
          </ul>
          <CopyField label="All permissions" value={permissions.map((p) => p.scope).join(' ')} />
          Then click <strong>Grant admin consent for &lt;your tenant name&gt;</strong> and check that the Status column shows{' '}
          <strong>Granted</strong>.
        </li>
        <li>
          From the <strong>Overview</strong> page copy the <strong>Directory (Tenant) ID</strong>, the <strong>Application (Client) ID</strong>{' '}
          and, if you like, the <strong>Object ID</strong> into the form below.
        </li>
      </ol>
      <p class="muted">
        There is no Client Secret field: you sign in with your own Microsoft account, so every wipe or retire carries your name in
        Intune's audit log and stays within your Intune role. A tenant-wide secret able to wipe every device must not be stored in a
        browser profile, and Microsoft Entra refuses secrets sent from a browser anyway.
      </p>
    </details>
  );
}
