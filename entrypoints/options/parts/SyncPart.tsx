import type { Route } from '../route';

/** Sync: being built (issues 8–10). */
export function SyncPart(_props: { route: Route }) {
  return (
    <section class="card" data-testid="sync-part">
      <h2>Sync</h2>
      <p class="muted">Not available yet.</p>
    </section>
  );
}
