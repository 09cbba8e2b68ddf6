import { isPlainObject } from './paths';
import { readConfiguration } from './read';
import type { Configuration } from './schema';

/**
 * The managed-storage key IT sets (public/managed-schema.json): the text of a configuration file,
 * exactly as Export configuration writes it. Chrome's policy schemas have no unions and no null,
 * and Chrome drops a policy value that does not fit them without telling the extension; as text,
 * the policy always arrives, and the extension reports every problem the way an import does.
 */
export const POLICY_KEY = 'configuration';

export type PolicyState =
  | { state: 'none' }
  | { state: 'applied'; configuration: Configuration }
  | { state: 'invalid'; problems: string[] };

/** The policy as set: none, a configuration to apply, or one with problems (reported, and ignored). */
export function readPolicy(value: unknown): PolicyState {
  if (value === undefined || value === null || value === '') return { state: 'none' };
  // Firefox's policies.json may hold the document itself rather than its text.
  const text = typeof value === 'string' ? value : isPlainObject(value) ? JSON.stringify(value) : undefined;
  if (text === undefined) {
    return { state: 'invalid', problems: [`The policy "${POLICY_KEY}" must be the text of a configuration file exported from the options page.`] };
  }
  const read = readConfiguration(text);
  return read.ok ? { state: 'applied', configuration: read.configuration } : { state: 'invalid', problems: read.problems };
}
