import { defineContentScript } from '#imports';
import { runFeatures } from './feature-manager';
import { intunePanel } from './features/intune-panel';
import './style.css';

export default defineContentScript({
  // `*.assetpanda.app` matches assetpanda.app itself too (Chrome and Firefox match patterns).
  matches: ['https://*.assetpanda.app/*', 'https://login.assetpanda.com/*'],
  excludeMatches: ['https://api.assetpanda.app/*'],
  cssInjectionMode: 'ui',
  main(ctx) {
    runFeatures(ctx, [intunePanel]);
  },
});
