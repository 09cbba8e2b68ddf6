import { describe, expect, it } from 'vitest';
import { createConfirmationTokens, type TokenBinding } from './confirmation-tokens';
import { memoryStore } from '../../tests/support/memory-store';

const binding: TokenBinding = { requestId: 'req-1', action: 'wipe', deviceId: 'dev-1', options: { keepUserData: true, macOsUnlockCode: undefined } };

function setup() {
  let clock = 1_000_000;
  const tokens = createConfirmationTokens({ store: memoryStore(), now: () => clock, ttlMs: 60_000 });
  return { tokens, advance: (ms: number) => (clock += ms) };
}

describe('confirmation tokens', () => {
  it('spends a token once, for exactly what it was issued for', async () => {
    const { tokens } = setup();
    const { token } = await tokens.issue(binding);
    // Key order and undefined options do not change the binding.
    await expect(tokens.spend(token, { options: { keepUserData: true }, deviceId: 'dev-1', action: 'wipe', requestId: 'req-1' })).resolves.toBeUndefined();
  });

  it('refuses a replay', async () => {
    const { tokens } = setup();
    const { token } = await tokens.issue(binding);
    await tokens.spend(token, binding);
    await expect(tokens.spend(token, binding)).rejects.toMatchObject({ code: 'confirmation-used' });
  });

  it('lets only one of two racing requests through', async () => {
    const { tokens } = setup();
    const { token } = await tokens.issue(binding);
    const outcomes = await Promise.allSettled([tokens.spend(token, binding), tokens.spend(token, binding)]);
    expect(outcomes.map((o) => o.status).toSorted()).toEqual(['fulfilled', 'rejected']);
  });

  it('refuses a forged token, whatever it looks like', async () => {
    const { tokens } = setup();
    await tokens.issue(binding);
    for (const forged of ['', 'x'.repeat(43), 'not a token', '../../confirmation-token:', 'A'.repeat(5000)]) {
      await expect(tokens.spend(forged, binding)).rejects.toMatchObject({ code: 'confirmation-invalid' });
    }
  });

  it('refuses an expired token, and it stays refused', async () => {
    const { tokens, advance } = setup();
    const { token, expiresAt } = await tokens.issue(binding);
    expect(expiresAt).toBe(1_060_000);
    advance(60_000);
    await expect(tokens.spend(token, binding)).rejects.toMatchObject({ code: 'confirmation-expired' });
    await expect(tokens.spend(token, binding)).rejects.toMatchObject({ code: 'confirmation-invalid' });
  });

  it('accepts a token just before it expires', async () => {
    const { tokens, advance } = setup();
    const { token } = await tokens.issue(binding);
    advance(59_999);
    await expect(tokens.spend(token, binding)).resolves.toBeUndefined();
  });

  it.each([
    ['another device', { ...binding, deviceId: 'dev-2' }],
    ['another action', { ...binding, action: 'retire' }],
    ['other options', { ...binding, options: { keepUserData: false } }],
    ['added options', { ...binding, options: { keepUserData: true, keepEnrollmentData: true } }],
    ['another confirmation', { ...binding, requestId: 'req-2' }],
  ])('refuses a token bound to %s', async (_case, other) => {
    const { tokens } = setup();
    const { token } = await tokens.issue(binding);
    await expect(tokens.spend(token, other)).rejects.toMatchObject({ code: 'confirmation-mismatch' });
  });

  it('issues a different token every time', async () => {
    const { tokens } = setup();
    const issued = await Promise.all(Array.from({ length: 50 }, () => tokens.issue(binding)));
    expect(new Set(issued.map((i) => i.token)).size).toBe(50);
    for (const { token } of issued) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
