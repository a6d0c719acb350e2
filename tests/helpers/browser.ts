/**
 * Debian's Chromium driven by playwright-core. Never a downloaded browser: the executable is
 * /usr/bin/chromium (CHROMIUM_PATH overrides), started with flags that keep it off the network.
 */
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from './server.ts';
import { seedSiteDir } from './site.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (as .ci/run does)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * The seed site served on loopback and one Chromium, started before a suite's tests and closed
 * after them (call inside `describe`): `seed.server.url`, `seed.browser.newPage()`.
 */
export function seedSiteInChromium(): { server: StaticServer; browser: Browser } {
  const seed = {} as { server: StaticServer; browser: Browser };
  before(async () => {
    seed.server = await serveStatic(await seedSiteDir());
    seed.browser = await launchChromium();
  });
  after(async () => {
    await seed.browser?.close();
    await seed.server?.close();
  });
  return seed;
}
