import { connect } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';

/**
 * A `fetch` that reaches the sandbox for every real hostname, as Chromium does with
 * `--host-resolver-rules`: the URL, the Host header and the TLS server name stay the real ones.
 * Node-side tests hand it to the lib/ clients in place of the global fetch.
 */
export function sandboxFetch(port: number): typeof fetch {
  const dispatcher = new Agent({
    connect: (options, callback) => {
      const socket = connect({
        host: '127.0.0.1',
        port,
        servername: options.hostname,
        rejectUnauthorized: false,
        ALPNProtocols: ['http/1.1'],
      });
      socket.once('secureConnect', () => callback(null, socket));
      socket.once('error', (error) => callback(error, null));
      return socket;
    },
  });
  return ((input: string | URL | Request, init?: RequestInit) =>
    undiciFetch(input as never, { ...(init as object), dispatcher } as never)) as unknown as typeof fetch;
}
