import { existsSync } from 'node:fs';

/**
 * The Chromium that the preview's printer, the tests and the bench drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium,
 * else undefined so Playwright uses a browser it installed itself. Nothing is ever downloaded here.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** Flags that keep Chromium quiet on a closed network and workable as root. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
