import type { Fleet } from '../fleet/generate.ts';
import { createIdSource, type IdSource } from './ids.ts';
import { seedTenant } from './seed.ts';
import { DEFAULT_RATE_LIMIT, DEFAULT_SEARCH_LIMITS, type AnswerStyle } from './unpublished-shapes.ts';

/** Column data types; on the wire each is `ap://system/datatype/<type>`. */
export type FieldType = 'text' | 'number' | 'date' | 'list' | 'status' | 'boolean';

export type FieldValue = string | number | boolean | null;

/** A column pulled from another collection, as published (`references` in the column listing). */
export interface ColumnReference {
  /** The primary column holds the link; the others with the same `pullFromId` are pulled through it. */
  primary: boolean;
  entityType: 'collection';
  entityId: string;
  columnId: string;
  pullFromId: string;
}

export interface Column {
  id: string;
  type: FieldType;
  displayName: string;
  required: boolean;
  unique: boolean;
  /** The allowed values of list and status columns. */
  options?: string[];
  references?: ColumnReference;
}

export interface StoredRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** Values by column id; columns pulled through a reference are derived on read, never stored. */
  values: Record<string, FieldValue>;
}

export interface Collection {
  id: string;
  accountId: string;
  moduleId: string;
  name: string;
  /** False once deactivated: the observed API lists it with `isActive: false` (reference §1.1b). */
  active: boolean;
  columns: Column[];
  /** Columns deleted from the collection: gone for reads and writes, still listed in the observed style. */
  deletedColumns: Column[];
  /** In creation order, which is also the search order. */
  records: Map<string, StoredRecord>;
}

export interface Organization {
  id: string;
  name: string;
  /** The organization's "unique sub-domain": the web app also answers at `<subdomain>.assetpanda.app`. */
  subdomain: string;
}

export interface Account {
  id: string;
  organizationId: string;
  name: string;
}

export interface Module {
  id: string;
  accountId: string;
  name: string;
}

export interface ApiKey {
  name: string;
  keyId: string;
  secret: string;
  permissions: { read: boolean; write: boolean };
}

export interface RateLimitPolicy {
  /** Requests one API key may make per window. */
  limit: number;
  windowMs: number;
}

export interface SearchLimits {
  maxSize: number;
  /** The deepest `from + size` a search may reach. */
  maxResultWindow: number;
  /**
   * Knobs for what is not evidenced (how the live API pages is unknown): a page holds at most this
   * many records whatever `size` asks, without saying so; `ignoresFrom`: every page starts at the first record.
   */
  pageCap?: number;
  ignoresFrom?: boolean;
}

/** Classic Asset Panda (login.assetpanda.com): entities ("groups") of objects with 24-hex ids. */
export interface ClassicEntity {
  key: string;
  name: string;
  fields: Array<{ key: string; name: string }>;
  objects: Map<string, ClassicObject>;
}

export interface ClassicObject {
  id: string;
  displayName: string;
  values: Record<string, string | null>;
}

export interface AssetPandaState {
  organization: Organization;
  accounts: Account[];
  modules: Module[];
  collections: Collection[];
  /** Collections deleted from their module: gone for every request, still listed in the observed style. */
  deletedCollections: Collection[];
  apiKeys: ApiKey[];
  rateLimit: RateLimitPolicy;
  /** Per API key id: the current fixed window. */
  rateWindows: Map<string, { startedAt: number; count: number }>;
  searchLimits: SearchLimits;
  /** Which evidenced shapes the API answers in (unpublished-shapes.ts); tests switch it. */
  answerStyle: AnswerStyle;
  /** The Classic product lives here too: one "Asset Panda" world, two products. */
  classic: { entities: ClassicEntity[] };
  ids: IdSource;
}

export function createAssetPandaState(fleet: Fleet): AssetPandaState {
  const state: AssetPandaState = {
    organization: { id: '', name: '', subdomain: '' },
    accounts: [],
    modules: [],
    collections: [],
    deletedCollections: [],
    apiKeys: [],
    rateLimit: { ...DEFAULT_RATE_LIMIT },
    rateWindows: new Map(),
    searchLimits: { ...DEFAULT_SEARCH_LIMITS },
    answerStyle: 'assumed',
    classic: { entities: [] },
    ids: createIdSource(0x5eed),
  };
  seedTenant(state, fleet);
  return state;
}
