import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { FaultInjector, type Fault, type RandomFaults } from './faults.ts';
import { header, json, type Handler, type SandboxRequest, type SandboxResponse } from './http.ts';
import { makeCertificate, SANDBOX_HOSTS } from './tls.ts';
import { createWorld, type World, type WorldOptions } from './world.ts';
import { services } from './services.ts';

export interface RecordedRequest {
  /** World time (epoch ms, see `advanceClock`) when the sandbox answered (or dropped the connection). */
  at: number;
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  status: number;
  /** The answer's headers (`retry-after` among them), as sent or, for a lost answer, as it would have been. */
  responseHeaders: Record<string, string>;
  /** The client never got the answer: the connection was closed after the work was done. */
  lost?: boolean;
  /** The connection was closed before any work (a `drop` fault): status 0, no answer headers. */
  dropped?: boolean;
}

export interface Sandbox {
  port: number;
  /** Chromium's `--host-resolver-rules` value that sends every sandbox host to this server. */
  hostResolverRules: string;
  world: World;
  /**
   * Every request the sandbox received, in order: answered by its service, by a fault, lost or
   * dropped. The world's own logs (`world.graph.requests`) list only what the imitation itself
   * handled: a request a fault answered or dropped never reached it.
   */
  requests: RecordedRequest[];
  faults: FaultInjector;
  fault(fault: Fault): void;
  /** Makes a share of the matching requests fail at random (seeded); see `RandomFaults`. */
  randomFaults(faults: RandomFaults): void;
  /** Fresh state for the next test: new world, no faults, no recorded requests. */
  reset(options?: WorldOptions): void;
  close(): Promise<void>;
}

export async function startSandbox(options: WorldOptions & { port?: number } = {}): Promise<Sandbox> {
  const { key, cert } = await makeCertificate();
  const faults = new FaultInjector();
  const requests: RecordedRequest[] = [];
  let world = createWorld(options);
  const signer = world.signer;

  const server = createServer({ key, cert }, (incoming, outgoing) => {
    void serve(incoming, outgoing);
  });

  async function serve(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const req = await readRequest(incoming);
    const fault = faults.take(req);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.drop) {
      record(req, { status: 0 }, { dropped: true });
      incoming.socket.destroy();
      return;
    }
    let res: SandboxResponse;
    if (fault?.response) {
      res = fault.response;
    } else {
      res = await route(req, world);
      if (fault?.malformed && res.body) res = { ...res, body: res.body.slice(0, Math.max(1, res.body.length >> 1)) };
    }
    record(req, res, fault?.lose ? { lost: true } : {});
    if (fault?.lose) {
      incoming.socket.destroy();
      return;
    }
    if (!outgoing.writable) return;
    outgoing.writeHead(res.status, res.headers ?? {});
    outgoing.end(res.body ?? '');
  }

  function record(req: SandboxRequest, res: SandboxResponse, outcome: Pick<RecordedRequest, 'lost' | 'dropped'>): void {
    requests.push({
      at: world.now(),
      method: req.method,
      host: req.host,
      path: req.url.pathname,
      query: Object.fromEntries(req.url.searchParams),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      body: req.body,
      status: res.status,
      responseHeaders: res.headers ?? {},
      ...outcome,
    });
  }

  const port = await new Promise<number>((resolve) => {
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

  return {
    port,
    hostResolverRules: SANDBOX_HOSTS.filter((h) => h !== 'localhost')
      .map((h) => `MAP ${h}:443 127.0.0.1:${port}`)
      .join(', '),
    get world() {
      return world;
    },
    requests,
    faults,
    fault: (f) => faults.add(f),
    randomFaults: (f) => faults.addRandom(f),
    reset(next = options) {
      world = createWorld(next, signer);
      faults.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function route(req: SandboxRequest, world: World): Promise<SandboxResponse> {
  const service = services.find((s) => s.hosts(req.host));
  if (!service) return json(404, { error: `The sandbox does not serve ${req.host}` });
  try {
    return await service.handle(req, world);
  } catch (error) {
    return json(500, { error: 'SandboxFailure', message: error instanceof Error ? error.stack : String(error) });
  }
}

async function readRequest(incoming: IncomingMessage): Promise<SandboxRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const host = (incoming.headers.host ?? 'localhost').replace(/:\d+$/, '').toLowerCase();
  const url = new URL(incoming.url ?? '/', `https://${host}`);
  const req: SandboxRequest = {
    method: (incoming.method ?? 'GET').toUpperCase(),
    host,
    url,
    headers: incoming.headers,
    body,
    json: undefined,
    form: new URLSearchParams(),
  };
  const type = header(req, 'content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) req.form = new URLSearchParams(body);
  else if (body) {
    try {
      req.json = JSON.parse(body);
    } catch {
      req.json = undefined;
    }
  }
  return req;
}

export type { Handler };
