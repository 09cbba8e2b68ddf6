import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig } from 'wxt';
import { CONTENT_SCRIPT_BUDGET_KB } from './entrypoints/assetpanda.content/budget';
import { DEFAULT_API_BASE_URL } from './lib/assetpanda/api-base-url';
import { CLOUDS } from './lib/graph/clouds';

/**
 * Public half of the development signing key. It pins the Chrome/Edge extension ID of unpacked
 * builds (fdafioenfmddkdkiiagipdpfhndphgpl) so the Entra redirect URI
 * https://<id>.chromiumapp.org/ stays the same on every machine. Store builds get their ID from
 * the store instead: `STORE_BUILD=1 npm run zip` leaves the key out.
 */
const DEV_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0RlyY7UDMi1G7FiOw2hyIWd9G4fsuMiUiq2tyW3hgSktx31xtOp+A3XGigLb2nkq1d3Hq+FFPebyNXRAEH4/bLF/yeKNvqXQRLE05rxTIl6Zqvy0ft5QUawJt0V3z0ClCuj0HqVEV7uXlgQzTP2fb9hHEphsNPPLWgeeuZzFkjVK/Kn4jMJsUWsWK8DlO6xuH0cWmXqlVmPH0eFHiHe2lLIjY20yN5B+0VI/2S3sXz85O6RnfUYlQ/FniEM9TAEQfHUNoO3AT+nFjFAD+8Xo4tRvpI0C4wTNzAkXwUvi+xY1qWRosmyPCCEddhyqmiIvuetMBfASGl6xq7tKDDxKkwIDAQAB';

/**
 * The extension pages' and service worker's CSP: only its own scripts, no plugins, and connections
 * only to the hosts it calls (Entra and Graph in every cloud, Asset Panda's API). The dev server's
 * reload socket is allowed in `wxt dev` only.
 */
function extensionPagesCsp(devServer: boolean): string {
  const clouds = Object.values(CLOUDS).flatMap((cloud) => [`https://${cloud.loginHost}`, `https://${cloud.graphHost}`]);
  const hosts = [...new Set(clouds), DEFAULT_API_BASE_URL, ...(devServer ? ['http://localhost:*', 'ws://localhost:*'] : [])];
  return `script-src 'self'; object-src 'none'; connect-src 'self' ${hosts.join(' ')}`;
}

export default defineConfig({
  imports: false,
  hooks: {
    'build:done'(wxt, output) {
      for (const chunk of output.steps.flatMap((step) => step.chunks)) {
        if (!/^content-scripts\/.*\.js$/.test(chunk.fileName)) continue;
        const kb = gzipSync(readFileSync(join(wxt.config.outDir, chunk.fileName))).length / 1024;
        const verdict = kb <= CONTENT_SCRIPT_BUDGET_KB ? `within the ${CONTENT_SCRIPT_BUDGET_KB} KB budget` : `OVER the ${CONTENT_SCRIPT_BUDGET_KB} KB budget`;
        wxt.logger.info(`Content script ${chunk.fileName}: ${kb.toFixed(1)} KB gzipped, ${verdict}`);
      }
    },
  },
  // MV3 everywhere: a service worker on Chrome/Edge, an event page on Firefox.
  manifestVersion: 3,
  manifest: ({ browser, command }) => ({
    name: 'Intune Companion for Asset Panda',
    description: 'Sync Microsoft Intune devices into Asset Panda Pro and act on them from the record page.',
    permissions: ['storage', 'identity', 'alarms', 'notifications'],
    host_permissions: [
      'https://assetpanda.app/*',
      'https://*.assetpanda.app/*',
      'https://login.assetpanda.com/*',
      'https://login.microsoftonline.com/*',
      'https://graph.microsoft.com/*',
    ],
    // National clouds: asked for only when the admin picks one on the options page.
    optional_host_permissions: [
      'https://login.microsoftonline.us/*',
      'https://graph.microsoft.us/*',
      'https://dod-graph.microsoft.us/*',
      'https://login.chinacloudapi.cn/*',
      'https://microsoftgraph.chinacloudapi.cn/*',
    ],
    // The enterprise policy (see lib/config/policy.ts); Firefox reads policies.json without a schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    content_security_policy: { extension_pages: extensionPagesCsp(command === 'serve') },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'intune-companion@assetpanda-tools.invalid',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          // No other extension may message this one (web pages cannot either: none are listed).
          externally_connectable: { ids: [] },
          ...(process.env.STORE_BUILD ? {} : { key: DEV_PUBLIC_KEY }),
        }),
  }),
});
