import type { Fleet } from '../fleet/generate.ts';

// STUB — replaced by the Asset Panda Pro API imitation.
export interface AssetPandaState {}
export function createAssetPandaState(_fleet: Fleet): AssetPandaState {
  return {};
}
