import type { HttpHandler } from 'msw';
import type { SimulatedParty } from './simulated-party';

/**
 * A simulated party as msw request handlers, for tests that intercept `fetch` instead of listening on a
 * port: every request below the party's base URL goes to its handler. Make the party with the base URL
 * your code is configured with (for example `https://cpo.example.com/ocpi`). msw is loaded when this is
 * called, so that the entry loads without it (it is an optional peer dependency).
 *
 * @example
 * import { setupServer } from 'msw/node';
 * const cpo = await simulatedCpo({ version: '2.2.1', baseUrl: 'https://cpo.example.com/ocpi' });
 * const server = setupServer(...(await mswHandlers(cpo)));
 * server.listen();
 */
export async function mswHandlers(party: SimulatedParty): Promise<HttpHandler[]> {
  const { http } = await import('msw');
  return [http.all(`${party.baseUrl}/*`, ({ request }) => party.handle(request))];
}
