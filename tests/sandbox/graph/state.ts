import type { Fleet } from '../fleet/generate.ts';

// STUB — replaced by the Graph imitation.
export interface GraphState {}
export function createGraphState(_fleet: Fleet): GraphState {
  return {};
}
