import { html } from '../http.ts';
import type { Service } from '../services.ts';

// STUB — replaced by the Asset Panda web app imitation.
export const assetPandaWeb: Service = {
  name: 'Asset Panda Pro web app',
  hosts: (host) => host === 'assetpanda.app' || (host.endsWith('.assetpanda.app') && host !== 'api.assetpanda.app'),
  handle: () => html(200, '<!doctype html><title>Asset Panda</title><main id="app"></main>'),
};

export const classicWeb: Service = {
  name: 'Asset Panda Classic web app',
  hosts: (host) => host === 'login.assetpanda.com',
  handle: () => html(200, '<!doctype html><title>Asset Panda</title><main id="app"></main>'),
};

/** An unrelated site: the extension must inject nothing here. */
export const otherSite: Service = {
  name: 'Unrelated site',
  hosts: (host) => host === 'example.com',
  handle: () => html(200, '<!doctype html><title>Example Domain</title><h1>Example Domain</h1>'),
};
