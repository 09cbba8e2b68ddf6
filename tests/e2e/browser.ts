import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { extensionDir } from '../tools/paths.ts';

/** Chromium with the built extension loaded, on a fresh profile, reaching the sandbox at the real hostnames. */
export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's background service worker. */
  serviceWorker: Worker;
  extensionId: string;
  /** Opens a page of the extension (e.g. `options.html`) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  openOptions(): Promise<Page>;
  /** The popup, opened as a tab: same document, same code as the toolbar popup. */
  openPopup(): Promise<Page>;
  /** Opens a URL in a new tab. */
  open(url: string): Promise<Page>;
  /** Closes Chromium (no process is left behind) and deletes the profile. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The sandbox's `hostResolverRules`: every real host the extension talks to goes to the sandbox. */
  hostResolverRules: string;
  /** A visible window; needs a display. */
  headed?: boolean;
}

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The extension's service worker. On a loaded machine Chromium sometimes registers it without
 * starting it; opening the popup (which messages the background) wakes it, as a click would.
 */
async function extensionServiceWorker(context: BrowserContext): Promise<Worker> {
  const started = () => context.serviceWorkers()[0];
  const seen = started() ?? (await context.waitForEvent('serviceworker', { timeout: 5_000 }).catch(() => undefined));
  if (seen) return seen;
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${pinnedExtensionId()}/popup.html`);
  const woken = started() ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  await popup.close();
  return woken;
}

/** The id Chromium derives from the manifest's `key`: the first 32 hex digits of its SHA-256, as a–p. */
function pinnedExtensionId(): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { key?: string };
  if (!manifest.key) throw new Error('The built manifest has no key, so the extension id is not known in advance.');
  const digest = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32);
  return [...digest].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

export async function launchExtensionBrowser({ hostResolverRules, headed = false }: LaunchOptions): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'intune-companion-profile-'));
  const deleteProfile = () => rm(profile, { recursive: true, force: true });
  const context = await chromium
    .launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: !headed,
      viewport: headed ? null : { width: 1280, height: 800 },
      args: [
        // Playwright passes --disable-extensions by default; this keeps ours.
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        // The machine has no route to the internet: keep Chromium's own connections from failing noisily.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--host-resolver-rules=${hostResolverRules}`,
        // The sandbox's certificate is self-signed.
        '--ignore-certificate-errors',
      ],
    })
    .catch(async (error: unknown) => {
      await deleteProfile();
      throw error;
    });
  const close = async () => {
    await context.close();
    await deleteProfile();
  };
  try {
    // Fail a stuck wait well before the test's own timeout, with Playwright's explanation.
    context.setDefaultTimeout(10_000);
    const serviceWorker = await extensionServiceWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    const open = async (url: string) => {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    };
    const openExtensionPage = (path: string) => open(`chrome-extension://${extensionId}/${path}`);
    return {
      context,
      serviceWorker,
      extensionId,
      open,
      openExtensionPage,
      openOptions: () => openExtensionPage('options.html'),
      openPopup: () => openExtensionPage('popup.html'),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
