import type { ShapeObservation } from './diagnostics';
import { COLUMN_LISTING } from './published';
import { UNPUBLISHED_EXPECTATIONS } from './unpublished';

/** What "Export diagnostics" saves: the expectations and the redacted shapes seen. No values, no keys. */
export function diagnosticsReport(observations: readonly ShapeObservation[], extensionVersion: string, now = new Date()) {
  return {
    kind: 'asset-panda-api-diagnostics',
    generatedAt: now.toISOString(),
    extensionVersion,
    note: 'Field names and value types of the Asset Panda API answers this extension received; no values, ids of records, or keys.',
    expectations: [COLUMN_LISTING, ...UNPUBLISHED_EXPECTATIONS].map(({ id, source, statement }) => ({ id, source, statement })),
    observations,
  };
}
