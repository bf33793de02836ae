// The SDK in headless Chromium (the @sparticuz/chromium build, driven by playwright-core; both from npm,
// nothing downloaded at test time): a page on one 127.0.0.1 origin loads the bundle as ES modules and
// runs the shared suite (support/run-in-runtime.ts) against the partner on another, so the browser's
// fetch, CORS included, is what the client goes through.
import chromium from '@sparticuz/chromium';
import type { BrowserType } from 'playwright-core';
import { expect, it } from 'vitest';
import { startPageServer } from './support/page-server';
import { describeInRuntime, SPAWN_TIMEOUT_MS } from './support/run-in-runtime';

// The package's args turn the same-origin policy off; without that flag CORS applies as on the web.
const ARGS = chromium.args.filter((arg) => arg !== '--disable-web-security');

type ZodConfigHolder = { __zod_globalConfig?: Record<string, unknown> };

/**
 * playwright-core bundles classic zod, whose import sets zod's English messages in the one config every
 * zod 4 copy in the process shares (`globalThis.__zod_globalConfig`). The SDK's own messages (zod/mini
 * has none) would then give way to them in Node, here and in the test files this worker runs next, so
 * the config is put back as it was once playwright-core is loaded.
 */
async function loadPlaywright(): Promise<BrowserType> {
  const holder = globalThis as ZodConfigHolder;
  const before = { ...holder.__zod_globalConfig };
  const { chromium: playwright } = await import('playwright-core');
  const config = holder.__zod_globalConfig;
  if (config) {
    for (const key of Object.keys(config)) if (!(key in before)) delete config[key];
    Object.assign(config, before);
  }
  return playwright;
}

describeInRuntime({
  name: 'chromium',
  fixture: 'test/runtimes/support/browser-fixture.ts',
  async run({ dir, files }) {
    const playwright = await loadPlaywright();
    const page = await startPageServer(dir, files);
    // The first call unpacks the browser into the temp directory (about 2 s); later ones reuse it.
    const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: ARGS });
    try {
      const tab = await browser.newPage();
      const log: string[] = [];
      tab.on('console', (message) => log.push(`${message.type()}: ${message.text()}`));
      tab.on('pageerror', (error) => log.push(`page error: ${error.stack ?? error.message}`));
      await tab.goto(page.url);
      const handle = await tab.waitForFunction(
        () => {
          const done = globalThis as { __result?: string; __error?: string };
          return done.__result === undefined && done.__error === undefined
            ? undefined
            : { result: done.__result, error: done.__error };
        },
        undefined,
        { timeout: SPAWN_TIMEOUT_MS },
      );
      const { result, error } = (await handle.jsonValue()) as { result?: string; error?: string };
      if (result === undefined)
        throw new Error(`the page failed: ${error}\n--- console ---\n${log.join('\n')}`);
      return result;
    } finally {
      await browser.close();
      await page.close();
    }
  },
  more(current) {
    it('asks the partner by CORS preflight from the page origin before each call, for Authorization', () => {
      const { preflights, seen } = current();
      expect(preflights).toHaveLength(seen.length);
      for (const preflight of preflights) {
        expect(preflight).toMatchObject({
          origin: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
          method: 'GET',
        });
        expect(preflight.headers?.split(',')).toContain('authorization');
      }
      expect(preflights.map(({ url }) => url)).toEqual(seen.map(({ url }) => url));
    });
  },
});
