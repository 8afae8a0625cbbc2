import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { BrowserUnavailableError, describeError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--mute-audio',
  // Memory (a crawl's peak is mostly Chromium): no pre-started spare renderer, no omnibox-popup
  // WebUI renderer per context (Chromium 15x starts one for every window, headless included), and
  // compositing in the browser process instead of a separate GPU process (the GPU is off anyway).
  // Unknown feature names are ignored, so this is safe on other Chromium builds.
  '--disable-features=SpareRendererForSitePerProcess,WebUIOmniboxPopup,WebUIOmniboxAimPopup',
  '--in-process-gpu',
];

/** explicit path → LEAKWATCH_CHROMIUM → system Chromium/Chrome → Playwright's own downloaded browser. */
export function findChromium(explicit?: string): string | undefined {
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  const fromEnv = process.env.LEAKWATCH_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const p of SYSTEM_CHROMIUMS) if (existsSync(p)) return p;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    /* playwright-core has no browser registry entry: fall through */
  }
  return undefined;
}

const INSTALL_HINT =
  'install Chromium: `apt-get install -y chromium` (as root), or `npx playwright install chromium` where downloads work; ' +
  'or point LEAKWATCH_CHROMIUM at a Chromium/Chrome binary';

export async function launchBrowser(opts: { chromiumPath?: string; logger: Logger }): Promise<Browser> {
  const explicit = opts.chromiumPath ?? process.env.LEAKWATCH_CHROMIUM;
  const executablePath = findChromium(opts.chromiumPath);
  if (!executablePath) {
    throw new BrowserUnavailableError(
      explicit ? `Chromium not found at ${explicit}` : 'no Chromium or Chrome found on this machine',
      INSTALL_HINT,
    );
  }
  try {
    const browser = await chromium.launch({
      executablePath, args: CHROMIUM_ARGS, timeout: 30_000,
      // Leakwatch owns shutdown. Playwright's own handlers would close Chromium under the pages still in
      // flight on SIGTERM, and exit(130) on SIGINT before the run is checkpointed; the renderer's close() ends Chromium.
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    });
    opts.logger.debug({ executablePath, version: browser.version() }, 'chromium launched');
    return browser;
  } catch (err) {
    throw new BrowserUnavailableError(`Chromium at ${executablePath} failed to start: ${describeError(err).split('\n')[0]}`, INSTALL_HINT, { cause: err });
  }
}
