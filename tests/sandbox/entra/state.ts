// STUB — replaced by the Entra imitation.
export interface EntraState {}
export function createEntraState(): EntraState {
  return {};
}
