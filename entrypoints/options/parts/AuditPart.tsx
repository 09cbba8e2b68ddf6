import type { Route } from '../route';

/** Audit: being built (issues 8–10). */
export function AuditPart(_props: { route: Route }) {
  return (
    <section class="card" data-testid="audit-part">
      <h2>Audit</h2>
      <p class="muted">Not available yet.</p>
    </section>
  );
}
