import { SANDBOX_ADMIN, SANDBOX_TENANT_DOMAIN, SANDBOX_TENANT_ID, SANDBOX_USER_WITHOUT_ROLE, type Directory } from './directory.ts';
import { createAssetPandaState, type AssetPandaState } from './assetpanda-api/state.ts';
import { createEntraState, type EntraState } from './entra/state.ts';
import { generateFleet } from './fleet/generate.ts';
import { createGraphState, type GraphState } from './graph/state.ts';
import { TokenSigner } from './tokens.ts';

export interface WorldOptions {
  /** Managed devices in the tenant (10 to 100 000). */
  fleetSize?: number;
  /** Seed of the fleet generator: the same seed makes the same fleet. */
  seed?: number;
}

/** Everything the imitated services know. Tests read and change it directly. */
export interface World {
  options: Required<WorldOptions>;
  signer: TokenSigner;
  /** The sandbox clock in epoch ms; tests move it with `advanceClock`. */
  now(): number;
  advanceClock(ms: number): void;
  directory: Directory;
  entra: EntraState;
  graph: GraphState;
  assetPanda: AssetPandaState;
}

/** `signer` survives resets: making an RSA key is the slowest part of a fresh world. */
export function createWorld(options: WorldOptions = {}, signer = new TokenSigner()): World {
  const resolved = { fleetSize: options.fleetSize ?? 50, seed: options.seed ?? 1 };
  const fleet = generateFleet({ size: resolved.fleetSize, seed: resolved.seed, tenantDomain: SANDBOX_TENANT_DOMAIN });
  const directory: Directory = {
    tenantId: SANDBOX_TENANT_ID,
    tenantDomain: SANDBOX_TENANT_DOMAIN,
    users: [SANDBOX_ADMIN, SANDBOX_USER_WITHOUT_ROLE, ...fleet.users],
    groups: fleet.groups,
  };
  let offset = 0;
  return {
    options: resolved,
    signer,
    now: () => Date.now() + offset,
    advanceClock: (ms) => {
      offset += ms;
    },
    directory,
    entra: createEntraState(),
    graph: createGraphState(fleet),
    assetPanda: createAssetPandaState(fleet),
  };
}
