// A 2.2.1 client of one CPO's Locations sender, for tests that serve its pages with msw.
import * as v221 from '@org/ocpi/v221';

export const LOCATIONS_URL = 'https://cpo.example.com/ocpi/2.2.1/locations';

/** Without retries: each call is one request, so a test sees exactly the pages it served. */
export const locationsClient = (options: Partial<v221.Client221Options> = {}) =>
  v221.createClient({
    token: 'token-1',
    endpoints: [{ identifier: 'locations', role: 'SENDER', url: LOCATIONS_URL }],
    retry: { limit: 0 },
    ...options,
  });
