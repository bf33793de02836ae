// toNodeListener in Express 5, over real HTTP with our client: mounted under the base URL's path
// (Express then cuts the mount path off `req.url`; the listener passes on `originalUrl`), and at the root.
import { toNodeListener } from '@org/ocpi/node';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { closeServersAfterEach, listenLocally } from '../../support/local-server';
import { cpoPlatform, expectPlatformServed } from './cpo-platform';

closeServersAfterEach();

type App = ReturnType<typeof express>;

async function serveExpress(mount: (app: App, origin: string) => Promise<void>): Promise<string> {
  const app = express();
  app.get('/health', (_request, response) => {
    response.send('ok');
  });
  let ready: App | undefined;
  const server = await listenLocally((request, response) => {
    if (ready) ready(request, response);
    else response.writeHead(503).end();
  });
  await mount(app, server.origin);
  ready = app;
  return server.origin;
}

describe('toNodeListener in Express 5', () => {
  it('serves the handler mounted at /ocpi, whose base URL ends in /ocpi', async () => {
    let tokens = new Map<string, unknown>();
    const origin = await serveExpress(async (app, origin) => {
      const platform = await cpoPlatform(`${origin}/ocpi`);
      tokens = platform.tokens;
      app.use('/ocpi', toNodeListener(platform.handle));
    });
    await expectPlatformServed(`${origin}/ocpi`, tokens);
    expect(await (await fetch(`${origin}/health`)).text()).toBe('ok');
  });

  it('serves the handler mounted at the root, after the app’s own routes', async () => {
    let tokens = new Map<string, unknown>();
    const origin = await serveExpress(async (app, origin) => {
      const platform = await cpoPlatform(`${origin}/ocpi`);
      tokens = platform.tokens;
      app.use(toNodeListener(platform.handle));
    });
    await expectPlatformServed(`${origin}/ocpi`, tokens);
    expect(await (await fetch(`${origin}/health`)).text()).toBe('ok');
    // Everything else reaches the handler, which answers with its envelope.
    const elsewhere = await fetch(`${origin}/elsewhere`);
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toMatchObject({ status_code: expect.any(Number) });
  });
});
