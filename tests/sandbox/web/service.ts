import { html, json } from '../http.ts';
import type { Service } from '../services.ts';
import { appApi } from './app-api.ts';
import { classicPage } from './classic.ts';
import { page } from './markup.ts';
import { appFile } from './static.ts';

/**
 * Asset Panda Pro's web app at assetpanda.app and at the organization's sub-domain: a single-page
 * app (web/app/) over the same state as the public API. Routes are in web/README.md.
 */
export const assetPandaWeb: Service = {
  name: 'Asset Panda Pro web app',
  hosts: (host) => host === 'assetpanda.app' || (host.endsWith('.assetpanda.app') && host !== 'api.assetpanda.app'),
  async handle(req, world) {
    const subdomain = req.host === 'assetpanda.app' ? undefined : req.host.slice(0, -'.assetpanda.app'.length);
    if (subdomain !== undefined && subdomain !== world.assetPanda.organization.subdomain) {
      return html(404, page('Organization not found · Asset Panda', '<h1>No organization at this address</h1>'));
    }
    const path = req.url.pathname;
    if (path.startsWith('/app-api/')) return appApi(req, world);
    if (req.method !== 'GET') return json(405, { message: `${req.method} is not allowed here.` });
    if (path.startsWith('/assets/')) {
      return (await appFile(path.slice('/assets/'.length))) ?? html(404, page('Not found', '<h1>Not found</h1>'));
    }
    // Every other path is a client-side route: the app shell renders it.
    return (await appFile('index.html')) ?? html(500, page('Broken', '<h1>The app shell is missing</h1>'));
  },
};

export const classicWeb: Service = {
  name: 'Asset Panda Classic web app',
  hosts: (host) => host === 'login.assetpanda.com',
  handle: (req, world) => classicPage(req, world.assetPanda),
};

/** An unrelated site: the extension must inject nothing here. */
export const otherSite: Service = {
  name: 'Unrelated site',
  hosts: (host) => host === 'example.com',
  handle: () => html(200, '<!doctype html><title>Example Domain</title><h1>Example Domain</h1>'),
};
