import type { Route } from '../route';

/** Mappings: being built (issues 8–10). */
export function MappingsPart(_props: { route: Route }) {
  return (
    <section class="card" data-testid="mappings-part">
      <h2>Mappings</h2>
      <p class="muted">Not available yet.</p>
    </section>
  );
}
