import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { createOcpiHandler, PostgresPartnerStore, pgliteExecutor } from '@org/ocpi';
import { toNodeListener } from '@org/ocpi/node';
import * as v221 from '@org/ocpi/v221';

// Partners live in PostgreSQL. PGlite runs it in process here; on a database server the one line is
// `const store = new PostgresPartnerStore(pgExecutor(new pg.Pool({ connectionString })));`
const db = await PGlite.create();
const store = new PostgresPartnerStore(pgliteExecutor(db));
await store.migrate();
// An eMSP registered earlier (by the credentials exchange): it calls us with token C.
await store.save({
  id: 'emsp-1',
  status: 'registered',
  incomingToken: 'token-c',
  roles: [{ role: 'EMSP', countryCode: 'NL', partyId: 'EMS', businessDetails: { name: 'eMSP' } }],
});

// The app's own data: three Locations to serve, and the Tokens eMSPs push to us.
const locations = ['LOC1', 'LOC2', 'LOC3'].map((id) => ({
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
}));
const tokens = new Map<string, v221.Token>();

const server = createServer();
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ocpi`;

// Versions, details, credentials and the two interfaces below; the handler does the protocol.
const handle = createOcpiHandler({
  store,
  baseUrl,
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
        tokens: {
          receiver: {
            putToken: ({ params, body }) => {
              const created = !tokens.has(params.token_uid);
              tokens.set(params.token_uid, body);
              return created ? 'created' : undefined;
            },
          },
        },
      },
    }),
  ],
});
server.on('request', toNodeListener(handle));

// The eMSP's side: our client, with the endpoints our version details list.
const emsp = v221.createClient({
  token: 'token-c',
  endpoints: [
    { identifier: 'locations', role: 'SENDER', url: `${baseUrl}/2.2.1/sender/locations` },
    { identifier: 'tokens', role: 'RECEIVER', url: `${baseUrl}/2.2.1/receiver/tokens` },
  ],
  from: { countryCode: 'NL', partyId: 'EMS' },
  to: { countryCode: 'NL', partyId: 'CPO' },
});
const page = await emsp.locations.sender.list({ query: { limit: 2 } });
console.log(
  page.items.map((location) => location.id),
  page.totalCount,
); // => [ 'LOC1', 'LOC2' ] 3
console.log(new URL(page.nextUrl ?? '').search); // => ?limit=2&offset=2
await emsp.tokens.receiver.putToken({
  params: { country_code: 'NL', party_id: 'EMS', token_uid: '012345678' },
  body: {
    country_code: 'NL',
    party_id: 'EMS',
    uid: '012345678',
    type: 'RFID',
    contract_id: 'NL-EMS-C12345678-X',
    issuer: 'eMSP',
    valid: true,
    whitelist: 'ALLOWED',
    last_updated: '2024-06-01T12:00:00Z',
  },
});
console.log([...tokens.keys()]); // => [ '012345678' ]

server.close();
await db.close();
