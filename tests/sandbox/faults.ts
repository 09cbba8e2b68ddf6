import { Prng } from './fleet/prng.ts';
import type { SandboxRequest, SandboxResponse } from './http.ts';

/** What a faulty request gets instead of (or on top of) the real answer. */
export interface FaultEffect {
  delayMs?: number;
  response?: SandboxResponse;
  malformed?: boolean;
  /** Close the connection without any answer, as a network failure does. */
  drop?: boolean;
  /**
   * Do the work, then close the connection without the answer: the service applied a write whose
   * answer the client never gets, as when a connection breaks after the service committed.
   */
  lose?: boolean;
}

/** Which requests a fault applies to. */
export interface FaultTarget {
  host?: string;
  method?: string;
  /** Matched against the path without the query string. */
  path?: string | RegExp;
}

/**
 * A fault the test asks for: the next `times` requests that match get `response` instead of the
 * real answer (after `delayMs`), the real answer with a body cut short when `malformed`, no answer
 * at all when `drop`, or the real work without the answer when `lose`.
 */
export interface Fault extends FaultTarget, FaultEffect {
  times?: number;
}

/**
 * Faults that strike a share of the matching requests at random, with a seeded generator so that
 * a failing test fails the same way again: `rate` of them (0 to 1) get one of `effects`, picked
 * at random. One-shot faults (`add`) are taken first.
 */
export interface RandomFaults extends FaultTarget {
  rate: number;
  effects: readonly FaultEffect[];
  seed?: number;
}

interface ArmedFault extends Fault {
  remaining: number;
}

interface ArmedRandomFaults extends RandomFaults {
  prng: Prng;
}

export class FaultInjector {
  private armed: ArmedFault[] = [];
  private random: ArmedRandomFaults[] = [];

  add(fault: Fault): void {
    this.armed.push({ ...fault, remaining: fault.times ?? 1 });
  }

  addRandom(faults: RandomFaults): void {
    if (!(faults.rate >= 0 && faults.rate <= 1) || faults.effects.length === 0) throw new RangeError('A random fault needs a rate from 0 to 1 and at least one effect');
    this.random.push({ ...faults, prng: new Prng(faults.seed ?? 1) });
  }

  clear(): void {
    this.armed = [];
    this.random = [];
  }

  /** Takes one use of the first fault that matches, if any, else rolls the random faults that match. */
  take(req: SandboxRequest): FaultEffect | undefined {
    const fault = this.armed.find((f) => f.remaining > 0 && matches(f, req));
    if (fault) {
      fault.remaining -= 1;
      return fault;
    }
    for (const rule of this.random) {
      if (matches(rule, req) && rule.prng.chance(rule.rate)) return rule.prng.pick(rule.effects);
    }
    return undefined;
  }
}

function matches(fault: FaultTarget, req: SandboxRequest): boolean {
  if (fault.host && fault.host !== req.host) return false;
  if (fault.method && fault.method.toUpperCase() !== req.method) return false;
  if (typeof fault.path === 'string' && fault.path !== req.url.pathname) return false;
  if (fault.path instanceof RegExp && !fault.path.test(req.url.pathname)) return false;
  return true;
}
