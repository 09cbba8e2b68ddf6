import { header, type SandboxRequest, type SandboxResponse } from '../http.ts';

/**
 * Entra answers cross-origin calls to its token endpoint (SPA redemption) and its metadata with
 * CORS headers that echo the caller's Origin.
 */
export function corsHeaders(req: SandboxRequest): Record<string, string> {
  const origin = header(req, 'origin');
  return origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
}

export function preflight(req: SandboxRequest): SandboxResponse {
  return {
    status: 200,
    headers: {
      ...corsHeaders(req),
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': header(req, 'access-control-request-headers') ?? 'content-type',
      'access-control-max-age': '86400',
    },
    body: '',
  };
}
