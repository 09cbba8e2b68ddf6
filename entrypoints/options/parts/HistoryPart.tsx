import type { Route } from '../route';

/** History: being built (issues 8–10). */
export function HistoryPart(_props: { route: Route }) {
  return (
    <section class="card" data-testid="history-part">
      <h2>History</h2>
      <p class="muted">Not available yet.</p>
    </section>
  );
}
