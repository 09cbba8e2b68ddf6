import { json, type SandboxResponse } from '../http.ts';
import type { Service } from '../services.ts';
import { authenticate, authorize, spendRateLimit } from './auth.ts';
import { routes } from './routes.ts';
import { errorBody, failure, rateLimited, type ApiFailure } from './unpublished-shapes.ts';

/**
 * Asset Panda Pro's public API at api.assetpanda.app: key-pair auth, the tenant hierarchy, column
 * listing and record search/read/create/update/delete, with the published limits. Order of checks:
 * credentials, then the key's rate window, then the route, then the key's permission.
 */
export const assetPandaApi: Service = {
  name: 'Asset Panda Pro API',
  hosts: (host) => host === 'api.assetpanda.app',
  handle(req, world) {
    const state = world.assetPanda;
    const nowMs = world.now();
    const key = authenticate(state, req);
    if (!key.ok) return errorResponse(key.problem);
    const spent = spendRateLimit(state, key.value, nowMs);
    if (!spent.ok) return rateLimited(spent.retryAfterSeconds);
    for (const route of routes) {
      const match = route.path.exec(req.url.pathname);
      if (!match || route.method !== req.method) continue;
      const allowed = authorize(key.value, route.access);
      if (!allowed.ok) return errorResponse(allowed.problem);
      const params = match.slice(1).map((segment) => decodeURIComponent(segment));
      const outcome = route.handle({ req, state, nowMs, params });
      return outcome.ok ? outcome.value : errorResponse(outcome.problem);
    }
    return errorResponse(failure(404, `No route for ${req.method} ${req.url.pathname}.`));
  },
};

function errorResponse(problem: ApiFailure): SandboxResponse {
  return json(problem.status, errorBody(problem));
}
