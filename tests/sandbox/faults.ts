import { Prng } from './fleet/prng.ts';
import type { SandboxRequest, SandboxResponse } from './http.ts';

/**
 * A fault the test asks for: the next `times` requests that match get `response` instead of the
 * real answer (after `delayMs`), the real answer with a body cut short when `malformed`, or no
 * answer at all when `drop`.
 */
export interface Fault {
  host?: string;
  method?: string;
  /** Matched against the path without the query string. */
  path?: string | RegExp;
  times?: number;
  delayMs?: number;
  response?: SandboxResponse;
  malformed?: boolean;
  /** Close the connection without any answer, as a network failure does. */
  drop?: boolean;
  /** Strike only this share (0–1) of the matching requests, drawn from `seed`: "30 % of Graph answers 429". */
  chance?: number;
  seed?: number;
}

interface ArmedFault extends Fault {
  remaining: number;
  dice: Prng | undefined;
}

export class FaultInjector {
  private armed: ArmedFault[] = [];

  add(fault: Fault): void {
    this.armed.push({ ...fault, remaining: fault.times ?? 1, dice: fault.chance === undefined ? undefined : new Prng(fault.seed ?? 1) });
  }

  clear(): void {
    this.armed = [];
  }

  /** Takes one use of the first fault that matches, if any. */
  take(req: SandboxRequest): Fault | undefined {
    const fault = this.armed.find((f) => f.remaining > 0 && matches(f, req) && (!f.dice || f.dice.chance(f.chance ?? 1)));
    if (!fault) return undefined;
    fault.remaining -= 1;
    return fault;
  }
}

function matches(fault: Fault, req: SandboxRequest): boolean {
  if (fault.host && fault.host !== req.host) return false;
  if (fault.method && fault.method.toUpperCase() !== req.method) return false;
  if (typeof fault.path === 'string' && fault.path !== req.url.pathname) return false;
  if (fault.path instanceof RegExp && !fault.path.test(req.url.pathname)) return false;
  return true;
}
