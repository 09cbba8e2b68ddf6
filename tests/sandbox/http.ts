import type { IncomingHttpHeaders } from 'node:http';

/** One request as the sandbox services see it: host without port, parsed URL, raw and JSON body. */
export interface SandboxRequest {
  method: string;
  host: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or as a form for `application/x-www-form-urlencoded`; undefined when empty or unparseable. */
  json: unknown;
  form: URLSearchParams;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export function json(status: number, value: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

export function html(status: number, markup: string, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: markup };
}

export function redirect(location: string): SandboxResponse {
  return { status: 302, headers: { location }, body: '' };
}

export function noContent(): SandboxResponse {
  return { status: 204 };
}

export function header(req: SandboxRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
