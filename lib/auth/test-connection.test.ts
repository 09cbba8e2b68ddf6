import { describe, expect, it } from 'vitest';
import { SignInError } from './errors';
import { REQUIRED_PERMISSIONS } from './permissions';
import { testConnection, type ProbeOutcome } from './test-connection';
import type { TokenSet } from './tokens';

const allScopes = REQUIRED_PERMISSIONS.map((p) => p.scope);
const tokens = (scopes: string[]): TokenSet => ({
  accessToken: 'token',
  accessTokenExpiresAt: Date.now() + 3600_000,
  refreshToken: 'refresh',
  refreshTokenExpiresAt: Date.now() + 86_400_000,
  scopes: ['openid', 'profile', ...scopes],
  account: { username: 'megan@contoso.com', name: 'Megan', tenantId: 't', objectId: 'o' },
});
const always = (outcome: ProbeOutcome) => async () => outcome;
const statuses = (result: Awaited<ReturnType<typeof testConnection>>) =>
  Object.fromEntries(result.report.permissions.map((p) => [p.scope, p.status]));

describe('testConnection', () => {
  it('passes when every permission is granted and proven', async () => {
    const probed: string[] = [];
    const result = await testConnection(
      async () => tokens(allScopes),
      async (probe) => {
        probed.push(probe);
        return { result: 'ok' };
      },
    );
    expect(result.report.ok).toBe(true);
    expect(Object.values(statuses(result))).toEqual(allScopes.map(() => 'granted'));
    expect(probed.toSorted()).toEqual(['devices', 'groups', 'mobileApps', 'privilegedOperations', 'users']);
  });

  it('names a permission missing from the sign-in and does not pass', async () => {
    const result = await testConnection(async () => tokens(allScopes.filter((s) => s !== 'Group.Read.All')), always({ result: 'ok' }));
    expect(result.report.ok).toBe(false);
    expect(statuses(result)['Group.Read.All']).toBe('missing');
    expect(result.report.problem?.message).toContain('Group.Read.All');
  });

  it('marks every permission as needing admin consent when sign-in stops for consent', async () => {
    const result = await testConnection(async () => {
      throw new SignInError('needs-admin-consent', 'Admin consent is needed.');
    }, always({ result: 'ok' }));
    expect(result.report.ok).toBe(false);
    expect(result.tokens).toBeUndefined();
    expect(new Set(Object.values(statuses(result)))).toEqual(new Set(['needs-admin-consent']));
  });

  it('explains a missing Intune role in plain words', async () => {
    const result = await testConnection(
      async () => tokens(allScopes),
      async (probe) => (probe === 'devices' ? { result: 'no-intune-role', message: 'Forbidden' } : { result: 'ok' }),
    );
    expect(result.report.ok).toBe(false);
    expect(result.report.problem).toMatchObject({ code: 'no-intune-role' });
    expect(result.report.problem?.message).toMatch(/Intune Administrator/);
  });

  it('does not pass when a test call fails for another reason', async () => {
    const result = await testConnection(async () => tokens(allScopes), always({ result: 'failed', message: 'Graph is unavailable (503).' }));
    expect(result.report.ok).toBe(false);
    expect(result.report.problem?.message).toContain('503');
  });
});
