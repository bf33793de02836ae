import { isOcpiUntrustedUrlError } from '@org/ocpi';
import { createClient } from '@org/ocpi/v221';

// A stand-in for the partner's server (in real use, leave `fetch` out): two pages of Locations.
const BASE = 'https://cpo.example.com/ocpi/2.2.1/locations';
const location = (id: string) => ({
  country_code: 'NL',
  party_id: 'CPO',
  id,
  publish: true,
  address: 'Stationsplein 1',
  city: 'Utrecht',
  country: 'NLD',
  coordinates: { latitude: '52.089444', longitude: '5.110278' },
  time_zone: 'Europe/Amsterdam',
  last_updated: '2024-06-01T12:00:00Z',
});
async function partner(request: Request): Promise<Response> {
  const offset = new URL(request.url).searchParams.get('offset');
  const page = offset ? ['LOC3'] : ['LOC1', 'LOC2'];
  const headers = new Headers({ 'X-Total-Count': '3' });
  if (!offset) headers.set('Link', `<${BASE}?offset=2&limit=2>; rel="next"`);
  const body = { data: page.map(location), status_code: 1000, timestamp: '2024-06-01T12:00:00Z' };
  return Response.json(body, { headers });
}

const client = createClient({
  token: 'token-c-from-the-registration',
  endpoints: [{ identifier: 'locations', role: 'SENDER', url: BASE }],
  from: { countryCode: 'DE', partyId: 'EMS' },
  fetch: (input, init) => partner(new Request(input, init)),
});

// Every page, one at a time; `break` would stop fetching.
for await (const item of client.locations.sender.list({ query: { date_from: '2024-01-01T00:00:00Z' } })) {
  console.log(item.id); // => LOC1
  // => LOC2
  // => LOC3
}

// The token only goes where the partner said: a URL elsewhere is refused before anything is sent.
const error = await client.cdrs.receiver
  .getCdr({ params: { cdr_location_url: 'https://elsewhere.example/cdr/1' } })
  .catch((caught: unknown) => caught);
console.log(isOcpiUntrustedUrlError(error)); // => true
