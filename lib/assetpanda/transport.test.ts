import { describe, expect, it } from 'vitest';
import { SANDBOX_API_KEYS } from '../../tests/sandbox/assetpanda-api/unpublished-shapes';
import { useSandbox } from '../../tests/support/use-sandbox';
import { ENDPOINTS } from './published';
import { createTransport } from './transport';

const sandbox = useSandbox({ fleetSize: 10 });
const { keyId, secret } = SANDBOX_API_KEYS.readWrite;

function send() {
  const transport = createTransport({
    baseUrl: 'https://api.assetpanda.app',
    accessKeyId: keyId,
    accessKeySecret: secret,
    fetch: sandbox.fetch,
    sleep: async () => undefined,
  });
  return transport({ endpoint: ENDPOINTS.accounts, subject: 'the accounts' });
}

describe('the Asset Panda transport under attack', () => {
  it('will not be built for another address than Asset Panda\'s API', () => {
    for (const baseUrl of ['https://contoso.assetpanda.app', 'https://example.com']) {
      expect(() => createTransport({ baseUrl, accessKeyId: keyId, accessKeySecret: secret, fetch: sandbox.fetch })).toThrow(/must be https:\/\/api\.assetpanda\.app/);
    }
  });

  it.each([301, 302, 303, 307, 308])('refuses a %i redirect to another host, and the key pair never reaches it', async (status) => {
    sandbox.fault({ host: 'api.assetpanda.app', path: '/accounts', response: { status, headers: { location: 'https://example.com/accounts' } } });

    await expect(send()).rejects.toMatchObject({
      kind: 'redirected',
      message: expect.stringMatching(/redirect to https:\/\/example\.com\. The extension never sends your API key to another address/),
    });

    expect(sandbox.requests.filter((r) => r.host === 'example.com')).toEqual([]);
    expect(JSON.stringify(sandbox.requests.filter((r) => r.host !== 'api.assetpanda.app'))).not.toContain(secret);
    // Not retried either: a redirect is an answer, not a transient failure.
    expect(sandbox.requests.filter((r) => r.host === 'api.assetpanda.app')).toHaveLength(1);
  });
});
