import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_DOCUMENT } from '../actions/audit';
import { ASSET_PANDA_CONNECTION_DOCUMENT } from '../assetpanda/connection-store';
import { INTUNE_CONNECTION_DOCUMENT } from '../auth/connection-store';
import { MAPPING_DOCUMENT } from '../mapping/store';
import { SYNC_ITEM_DOCUMENT, SYNC_RUN_DOCUMENT } from '../sync/run-documents';
import { currentVersion, decodeDocument, type DocumentKind } from './versioned';

/**
 * Every kind of stored record the admin would miss, with a fixture of each of its formats in its
 * module's fixtures/ folder (`<name>.v<N>.json`; format 1 of a kind stored before versioning has no
 * envelope). Each must read as the current format: a migration is never released without its fixture.
 */
const KINDS: Array<{ name: string; folder: string; kind: DocumentKind<unknown> }> = [
  { name: 'mapping', folder: '../mapping/fixtures/', kind: MAPPING_DOCUMENT },
  { name: 'intune-connection', folder: '../auth/fixtures/', kind: INTUNE_CONNECTION_DOCUMENT },
  { name: 'assetpanda-connection', folder: '../assetpanda/fixtures/', kind: ASSET_PANDA_CONNECTION_DOCUMENT },
  { name: 'audit-entry', folder: '../actions/fixtures/', kind: AUDIT_DOCUMENT },
  { name: 'sync-run', folder: '../sync/fixtures/', kind: SYNC_RUN_DOCUMENT },
  { name: 'sync-item', folder: '../sync/fixtures/', kind: SYNC_ITEM_DOCUMENT },
];

/** Fixtures write bytes (sealed secrets) as { "$bytes": base64 }. */
function revive(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && '$bytes' in value) return new Uint8Array(Buffer.from(String(value.$bytes), 'base64'));
  return value;
}

describe.each(KINDS)('stored $name records', ({ name, folder, kind }) => {
  const directory = new URL(folder, import.meta.url);
  const fixtures = readdirSync(directory).filter((file) => new RegExp(`^${name}\\.v\\d+\\.json$`).test(file));

  it('keep a fixture of every format, up to the current one', () => {
    const versions = fixtures.map((file) => Number(/\.v(\d+)\.json$/.exec(file)?.[1])).toSorted((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: currentVersion(kind) }, (_, i) => i + 1));
  });

  it.each(fixtures)('read %s as the current format', (file) => {
    const decoded = decodeDocument(kind, JSON.parse(readFileSync(new URL(file, directory), 'utf8'), revive));
    expect(decoded, decoded.ok ? '' : decoded.problem).toMatchObject({ ok: true });
  });
});
