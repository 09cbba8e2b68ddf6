import type { Connections } from '../../lib/config/schema';
import { routeHash } from './route';

/**
 * Connection settings from an imported configuration, waiting for the connection forms to take
 * them: an import never saves a connection, it fills in the forms, and the admin enters the secret
 * and runs Test and Save Connection. Held by the page only, never stored.
 */
let pending: Connections = {};

/** Offers the settings to the connection forms and shows them. */
export function fillConnectionForms(connections: Connections): void {
  pending = connections;
  location.hash = routeHash('connections');
}

/** The settings for one form, once: a later visit shows the saved connection again. */
export function takeConnectionPrefill<Kind extends keyof Connections>(kind: Kind): Connections[Kind] {
  const value = pending[kind];
  pending = { ...pending, [kind]: undefined };
  return value;
}
