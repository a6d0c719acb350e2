/** Browser-test suites: the seed site served on loopback and one Chromium around a suite. */
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/bench/chromium.ts';
import { serveStatic, type StaticServer } from '../../src/core/static-server.ts';
import { seedSiteDir } from './site.ts';

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
