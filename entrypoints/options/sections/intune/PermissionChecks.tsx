import type { z } from 'zod';
import type { ConnectionTestReportSchema } from '../../../../lib/messaging/intune-messages';

type Report = z.infer<typeof ConnectionTestReportSchema>;

const LABELS = {
  granted: 'Granted',
  missing: 'Missing',
  'needs-admin-consent': 'Needs admin consent',
  'not-checked': 'Not checked',
} as const;

/** Each Graph permission by name, with what the test found. */
export function PermissionChecks({ report }: { report: Report }) {
  return (
    <table class="checks" data-testid="permission-checks">
      <thead>
        <tr>
          <th>Permission</th>
          <th>Status</th>
          <th>Used for</th>
        </tr>
      </thead>
      <tbody>
        {report.permissions.map((p) => (
          <tr key={p.scope} data-scope={p.scope} data-status={p.status}>
            <td>
              <code>{p.scope}</code>
            </td>
            <td>
              <span class={`pill pill--${p.status}`}>{LABELS[p.status]}</span>
            </td>
            <td>
              {p.purpose}
              <div class="muted">{p.detail}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
