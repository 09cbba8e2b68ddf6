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
interface FaultTarget {
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
 * Failures that strike a share (`rate`, 0–1) of the matching requests, each time one of `effects`
 * picked at random, seeded so that a failing test fails the same way again: "10 % of Asset Panda
 * requests throttled, failing, dropped or answered too late".
 */
export interface RandomFaults extends FaultTarget {
  rate: number;
  effects: readonly FaultEffect[];
  seed?: number;
}

interface ArmedFault extends Fault {
  remaining: number;
  /** A random fault's share, dice, and effects (one picked each time it strikes). */
  random?: { rate: number; dice: Prng; effects: readonly FaultEffect[] };
}

export class FaultInjector {
  private armed: ArmedFault[] = [];

  add(fault: Fault): void {
    this.armed.push({ ...fault, remaining: fault.times ?? 1 });
  }

  addRandom({ rate, effects, seed, ...target }: RandomFaults): void {
    if (!(rate >= 0 && rate <= 1) || effects.length === 0) throw new RangeError('Random faults need a rate from 0 to 1 and at least one effect');
    this.armed.push({ ...target, remaining: Number.POSITIVE_INFINITY, random: { rate, dice: new Prng(seed ?? 1), effects } });
  }

  clear(): void {
    this.armed = [];
  }

  /** Takes one use of the first fault that matches (and strikes, for a share), if any. */
  take(req: SandboxRequest): FaultEffect | undefined {
    const fault = this.armed.find((f) => f.remaining > 0 && matches(f, req) && (!f.random || f.random.dice.chance(f.random.rate)));
    if (!fault) return undefined;
    fault.remaining -= 1;
    return fault.random ? fault.random.dice.pick(fault.random.effects) : fault;
  }
}

function matches(fault: FaultTarget, req: SandboxRequest): boolean {
  if (fault.host && fault.host !== req.host) return false;
  if (fault.method && fault.method.toUpperCase() !== req.method) return false;
  if (typeof fault.path === 'string' && fault.path !== req.url.pathname) return false;
  if (fault.path instanceof RegExp && !fault.path.test(req.url.pathname)) return false;
  return true;
}
