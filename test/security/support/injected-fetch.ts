// Our side of a registration, with the partner's API behind an injected `fetch`: no request leaves the
// process, and a test sees every call that would have been made.
import { InMemoryPartnerStore, type RegistrationHandlerConfig } from '@org/ocpi';
import { BASE } from '../../registration/support';
import { TIMESTAMP } from '../../support/ocpi-responses';

const notFound = async (_request: Request) => new Response('not found', { status: 404 });

/**
 * A `fetch` that records every request as `METHOD url` and answers from `routes` (an OCPI envelope around
 * the route's data), else with `fallback`.
 */
export function recordingFetch(
  routes: Record<string, unknown> = {},
  fallback: (request: Request) => Promise<Response> = notFound,
) {
  const called: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    called.push(`${request.method} ${request.url}`);
    if (request.url in routes) {
      return Response.json({ status_code: 1000, timestamp: TIMESTAMP, data: routes[request.url] });
    }
    return fallback(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, called };
}

/** Our configuration (an eMSP of both versions, an empty store, no retries), calling out through `fetch`. */
export function ourConfig(
  fetch: typeof globalThis.fetch,
  overrides: Partial<RegistrationHandlerConfig> = {},
): RegistrationHandlerConfig {
  return {
    store: new InMemoryPartnerStore(),
    baseUrl: BASE,
    versions: {
      '2.2.1': {
        roles: [{ role: 'EMSP', party_id: 'EXM', country_code: 'DE', business_details: { name: 'Example' } }],
        endpoints: [],
      },
      '2.1.1': { party_id: 'EXM', country_code: 'DE', business_details: { name: 'Example' }, endpoints: [] },
    },
    retry: { limit: 0 },
    fetch,
    ...overrides,
  };
}
