import { createOcpiHandler, formatAuthorizationHeader, InMemoryPartnerStore } from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';

// The partners allowed in: an eMSP registered earlier, which calls with token C.
const store = new InMemoryPartnerStore();
await store.save({
  id: 'emsp-1',
  status: 'registered',
  incomingToken: 'token-c',
  roles: [{ role: 'EMSP', countryCode: 'NL', partyId: 'EMS', businessDetails: { name: 'eMSP' } }],
});

// Your data (from your database in real use).
const locations: v221.Location[] = [
  {
    country_code: 'NL',
    party_id: 'CPO',
    id: 'LOC1',
    publish: true,
    address: 'Stationsplein 1',
    city: 'Utrecht',
    country: 'NLD',
    coordinates: { latitude: '52.089444', longitude: '5.110278' },
    time_zone: 'Europe/Amsterdam',
    last_updated: '2024-06-01T12:00:00Z',
  },
];

// You write the business code; the handler checks the token, the party, the query and the body, pages
// the list and wraps every answer in its envelope.
const handle = createOcpiHandler({
  store,
  baseUrl: 'https://cpo.example.com/ocpi',
  versions: [
    v221.serveVersion({
      roles: [{ role: 'CPO', country_code: 'NL', party_id: 'CPO', business_details: { name: 'CPO' } }],
      modules: {
        locations: {
          sender: {
            list: ({ query }) => ({
              items: locations.slice(query.offset, query.offset + query.limit),
              total: locations.length,
            }),
            getLocation: ({ params }) => locations.find((location) => location.id === params.location_id),
          },
        },
      },
    }),
  ],
});

// `handle` takes a Request and gives a Response: Deno.serve(handle), Bun.serve({ fetch: handle }), or
// toNodeListener(handle) from '@org/ocpi/node' on node:http. Here it is called directly.
const get = (path: string, token = 'token-c') =>
  handle(
    new Request(`https://cpo.example.com/ocpi/2.2.1/sender/locations${path}`, {
      headers: { Authorization: formatAuthorizationHeader(token, { version: '2.2.1' }) },
    }),
  );
const found = await get('/LOC1');
console.log(found.status, (await found.json()).data.city); // => 200 Utrecht
const unknown = await get('/LOC9');
console.log(unknown.status, (await unknown.json()).status_code); // => 404 2003
console.log((await get('', 'who-knows')).status); // => 401
