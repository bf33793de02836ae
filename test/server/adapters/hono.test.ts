// createOcpiHandler mounted in a Hono app, served over real HTTP (Hono's own `app.fetch` under node:http
// through toNodeListener), with our client on the other end.
import { toNodeListener } from '@org/ocpi/node';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { closeServersAfterEach, listenLocally } from '../../support/local-server';
import { cpoPlatform, expectPlatformServed } from './cpo-platform';

closeServersAfterEach();

describe('createOcpiHandler in Hono', () => {
  it('serves versions, pages, objects and pushes under /ocpi, next to the app’s own routes', async () => {
    let fetchApp: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });
    const server = await listenLocally((request, response) => toNodeListener(fetchApp)(request, response));
    const { handle, tokens } = await cpoPlatform(`${server.origin}/ocpi`);
    const app = new Hono();
    app.get('/health', (c) => c.text('ok'));
    app.all('/ocpi/*', (c) => handle(c.req.raw));
    fetchApp = async (request) => app.fetch(request);

    await expectPlatformServed(`${server.origin}/ocpi`, tokens);
    const health = await fetch(`${server.origin}/health`);
    expect(await health.text()).toBe('ok');
    // Hono's own 404 outside the mount; the handler's envelope inside it.
    expect((await fetch(`${server.origin}/elsewhere`)).status).toBe(404);
    const unknown = await fetch(`${server.origin}/ocpi/2.2.1/sender/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ status_code: expect.any(Number) });
  });
});
