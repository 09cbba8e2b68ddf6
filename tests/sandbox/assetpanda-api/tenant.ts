import type { AssetPandaState, Collection, Column } from './state.ts';
import { failure, type ApiFailure } from './unpublished-shapes.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: ApiFailure };

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function problem<T>(status: ApiFailure['status'], message: string, errors: ApiFailure['errors'] = []): Outcome<T> {
  return { ok: false, problem: failure(status, message, errors) };
}

export function findCollection(state: AssetPandaState, collectionId: string): Collection | undefined {
  return state.collections.find((c) => c.id === collectionId);
}

/** The collection, provided it lives in the given account and module (the `tenant` of a request). */
export function collectionInTenant(
  state: AssetPandaState,
  tenant: { accountId: string; moduleId: string },
  collectionId: string,
): Outcome<Collection> {
  if (!state.accounts.some((a) => a.id === tenant.accountId)) return problem(404, `Account ${tenant.accountId} not found.`);
  const module = state.modules.find((m) => m.id === tenant.moduleId && m.accountId === tenant.accountId);
  if (!module) return problem(404, `Module ${tenant.moduleId} not found in account ${tenant.accountId}.`);
  const collection = findCollection(state, collectionId);
  if (!collection || collection.moduleId !== module.id) {
    return problem(404, `Collection ${collectionId} not found in module ${tenant.moduleId}.`);
  }
  return success(collection);
}

/** For tests and seeds: the collection with this name; throws when there is none. */
export function collectionNamed(state: AssetPandaState, name: string): Collection {
  const collection = state.collections.find((c) => c.name === name);
  if (!collection) throw new Error(`No Asset Panda collection named ${name}`);
  return collection;
}

/** For tests and seeds: the column with this display name; throws when there is none. */
export function columnNamed(collection: Collection, displayName: string): Column {
  const column = collection.columns.find((c) => c.displayName === displayName);
  if (!column) throw new Error(`No column ${displayName} in ${collection.name}`);
  return column;
}

/** For tests: deactivates a collection; only the observed answer style still lists it (as `isActive: false`). */
export function deactivateCollection(collection: Collection): void {
  collection.active = false;
}

/** For tests: deletes a collection; every request about it answers 404, and only the observed answer style still lists it (as `deleted: true`). */
export function deleteCollection(state: AssetPandaState, collection: Collection): void {
  state.collections = state.collections.filter((candidate) => candidate !== collection);
  state.deletedCollections.push(collection);
}
