import { JUNK_SERIALS, type Platform } from './hardware.ts';
import type { ComplianceState } from './managed-device.ts';
import type { Prng } from './prng.ts';

export type Ownership = 'company' | 'personal' | 'unknown';

/**
 * Which device gets which trait. Shares are exact counts (not dice rolls), with a floor, so that
 * even a small fleet holds every case the extension must handle: each platform, each compliance
 * state, junk and duplicate serials, stale and userless devices.
 */
export interface FleetPlan {
  platforms: Platform[];
  ownership: Ownership[];
  userless: boolean[];
  stale: boolean[];
  compliance: ComplianceState[];
  /** Index → junk serial for whitebox PCs. */
  junkSerials: Map<number, string>;
  /** [original, re-enrolment]: the second record reuses the first one's hardware. */
  duplicatePairs: Array<readonly [number, number]>;
}

const PLATFORM_SHARES: ReadonlyArray<readonly [Platform, number]> = [
  ['macOS', 0.12],
  ['iOS', 0.17],
  ['iPadOS', 0.05],
  ['android', 0.18],
];

const PERSONAL_SHARE: Record<Platform, number> = { windows: 0.04, macOS: 0.1, iOS: 0.35, iPadOS: 0.1, android: 0.4 };

/** `share` of `size`, at least `floor` — but the floor never takes more than a tenth of a small fleet. */
export function quota(size: number, share: number, floor: number): number {
  return Math.min(size, Math.max(Math.min(floor, Math.floor(size / 10)), Math.round(size * share)));
}

export function planFleet(prng: Prng, size: number): FleetPlan {
  const platforms = deck<Platform>(
    prng,
    size,
    PLATFORM_SHARES.map(([platform, share]) => [platform, quota(size, share, 1)] as const),
    'windows',
  );

  // Junk serials and re-enrolments are Windows PCs (whitebox builds, re-imaged laptops).
  const windows = prng.shuffle(platforms.flatMap((p, i) => (p === 'windows' ? [i] : [])));
  const junkSerials = new Map<number, string>();
  const junkCount = Math.min(quota(size, 0.01, JUNK_SERIALS.length), windows.length);
  for (let k = 0; k < junkCount; k++) junkSerials.set(windows[k] as number, JUNK_SERIALS[k % JUNK_SERIALS.length] as string);
  const duplicatePairs: Array<readonly [number, number]> = [];
  const pairCount = Math.min(quota(size, 0.004, 2), Math.floor((windows.length - junkCount) / 2));
  for (let k = 0; k < pairCount; k++) {
    duplicatePairs.push([windows[junkCount + 2 * k] as number, windows[junkCount + 2 * k + 1] as number]);
  }

  const ownership = platforms.map((platform): Ownership => {
    if (prng.chance(0.01)) return 'unknown';
    return prng.chance(PERSONAL_SHARE[platform]) ? 'personal' : 'company';
  });
  for (const [original, copy] of duplicatePairs) ownership[copy] = ownership[original] as Ownership;
  ensureSome(ownership, 'personal', platforms, ['android', 'iOS']);
  ensureSome(ownership, 'unknown', platforms, ['iPadOS', 'macOS']);

  const userless = Array.from({ length: size }, () => false);
  const companyDevices = prng.shuffle(ownership.flatMap((o, i) => (o === 'company' && !junkSerials.has(i) ? [i] : [])));
  for (const i of companyDevices.slice(0, quota(size, 0.04, 2))) userless[i] = true;

  const stale = Array.from({ length: size }, () => false);
  const copies = new Set(duplicatePairs.map(([, copy]) => copy));
  const staleCandidates = prng.shuffle([...Array(size).keys()].filter((i) => !copies.has(i)));
  for (const i of staleCandidates.slice(0, quota(size, 0.1, 2))) stale[i] = true;
  // The record left behind by a re-enrolment stops checking in.
  for (const [original] of duplicatePairs) stale[original] = true;

  const compliance = deck<ComplianceState>(
    prng,
    size,
    [
      ['noncompliant', quota(size, 0.08, 1)],
      ['inGracePeriod', quota(size, 0.03, 1)],
      ['unknown', quota(size, 0.04, 1)],
      ['error', quota(size, 0.005, 0)],
      ['conflict', quota(size, 0.005, 0)],
    ],
    'compliant',
  );

  return { platforms, ownership, userless, stale, compliance, junkSerials, duplicatePairs };
}

/** A shuffled array of `size` values holding exactly `count` of each entry, the rest `rest`. */
function deck<T>(prng: Prng, size: number, counts: ReadonlyArray<readonly [T, number]>, rest: T): T[] {
  const cards: T[] = [];
  for (const [value, count] of counts) for (let i = 0; i < count && cards.length < size; i++) cards.push(value);
  while (cards.length < size) cards.push(rest);
  return prng.shuffle(cards);
}

/** Turns one company device of the given platforms to `wanted` if no device has that ownership. */
function ensureSome(ownership: Ownership[], wanted: Ownership, platforms: readonly Platform[], on: readonly Platform[]): void {
  if (ownership.includes(wanted)) return;
  const index = platforms.findIndex((platform, i) => on.includes(platform) && ownership[i] === 'company');
  if (index >= 0) ownership[index] = wanted;
}
