import { type HttpHandler, http } from 'msw';
import type { SimulatedParty } from './simulated-party';

/**
 * A simulated party as msw request handlers, for tests that intercept `fetch` instead of listening on a
 * port: every request below the party's base URL goes to its handler. Make the party with the base URL
 * your code is configured with (for example `https://cpo.example.com/ocpi`).
 *
 * @example
 * import { setupServer } from 'msw/node';
 * const cpo = await simulatedCpo({ version: '2.2.1', baseUrl: 'https://cpo.example.com/ocpi' });
 * const server = setupServer(...mswHandlers(cpo));
 * server.listen();
 */
export function mswHandlers(party: SimulatedParty): HttpHandler[] {
  return [http.all(`${party.baseUrl}/*`, ({ request }) => party.handle(request))];
}
