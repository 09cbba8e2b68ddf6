import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_KEY, readPolicy } from './policy';

const policy = {
  kind: 'intune-companion-configuration',
  version: 1,
  connections: { intune: { tenantId: 'contoso.onmicrosoft.com', clientId: '0e3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b' } },
};

describe('reading the enterprise policy', () => {
  it('reads nothing when IT set nothing', () => {
    for (const unset of [undefined, null, '']) expect(readPolicy(unset)).toEqual({ state: 'none' });
  });

  it('reads the configuration text, with defaults where the policy says nothing', () => {
    const state = readPolicy(JSON.stringify(policy));
    expect(state).toMatchObject({ state: 'applied', configuration: { mappings: [], connections: { intune: { cloud: 'global', applicationObjectId: '' } } } });
    expect(readPolicy(policy)).toEqual(state);
  });

  it('reports every problem of a policy with errors, so that it is ignored and shown', () => {
    const withSecret = { ...policy, connections: { intune: { ...policy.connections.intune, clientSecret: 'x' } }, mappings: [{ name: 'Laptops' }] };
    const state = readPolicy(JSON.stringify(withSecret));
    expect(state.state).toBe('invalid');
    expect(state.state === 'invalid' && state.problems).toEqual(
      expect.arrayContaining([expect.stringContaining('clientSecret holds a secret'), 'mappings[0].id is missing.', 'mappings[0].collection is missing.']),
    );
    expect(readPolicy('{ not json')).toMatchObject({ state: 'invalid', problems: [expect.stringContaining('not valid JSON')] });
    expect(readPolicy(42)).toMatchObject({ state: 'invalid', problems: [expect.stringContaining('must be the text of a configuration file')] });
    expect(readPolicy(JSON.stringify({ ...policy, version: 3 }))).toMatchObject({ state: 'invalid', problems: [expect.stringContaining('format 3')] });
  });
});

describe('the managed storage schema in the manifest', () => {
  it("declares the policy as text, within Chrome's rules for extension policies", () => {
    const schema = JSON.parse(readFileSync(new URL('../../public/managed-schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    // Chrome: a top-level object without additionalProperties; each schema has exactly one type.
    expect(schema).toEqual({ type: 'object', properties: { [POLICY_KEY]: expect.objectContaining({ type: 'string' }) } });
  });
});
