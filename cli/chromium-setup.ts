import { spawnSync } from 'node:child_process';
import type { Logger } from '../core/logger.js';
import { BrowserUnavailableError } from '../core/errors.js';
import { findChromium } from '../crawler/index.js';

/**
 * Finds a Chromium, installing one when the user runs the demo on a fresh machine:
 * Debian's package when we are root, otherwise Playwright's own download (where the network allows).
 */
export function ensureChromium(logger: Logger, explicit?: string): string {
  const found = findChromium(explicit);
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && spawnSync('which', ['apt-get']).status === 0) {
    logger.info('no Chromium found; installing Debian\'s chromium package (apt-get install -y chromium)');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const r = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const afterApt = r.status === 0 ? findChromium(explicit) : undefined;
    if (afterApt) return afterApt;
  } else {
    logger.info('no Chromium found; trying Playwright\'s browser download (npx playwright-core install chromium)');
    const r = spawnSync('npx', ['--yes', 'playwright-core', 'install', 'chromium'], { stdio: 'inherit' });
    const afterPw = r.status === 0 ? findChromium(explicit) : undefined;
    if (afterPw) return afterPw;
  }
  throw new BrowserUnavailableError(
    'no Chromium browser could be found or installed',
    'as root run `apt-get install -y chromium`, or run `npx playwright install chromium` where downloads work, or set LEAKWATCH_CHROMIUM to a Chromium binary',
  );
}
