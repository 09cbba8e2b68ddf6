import { fileURLToPath } from 'node:url';

/** The read-only shared/ folder that sits beside the work tree (and beside CI's clone). */
const SHARED = fileURLToPath(new URL('../../../../../shared', import.meta.url));

export const SHARED_OPENAPI = `${SHARED}/openapi`;
export const SHARED_FIXTURES = `${SHARED}/fixtures`;
