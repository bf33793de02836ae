import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOcpiHandler, InMemoryPartnerStore } from '@org/ocpi';
import { toNodeListener } from '@org/ocpi/node';
import * as v221 from '@org/ocpi/v221';
import { Hono } from 'hono';

// An eMSP's receiving side: what CPOs push lands in the app's own storage (here, maps).
const locations = new Map<string, v221.Location>();
const sessions = new Map<string, v221.Session>();
const cdrs = new Map<string, v221.CDR>();
const store = new InMemoryPartnerStore();
await store.save({
  id: 'cpo-1',
  status: 'registered',
  incomingToken: 'token-c',
  roles: [{ role: 'CPO', countryCode: 'NL', partyId: 'CPO', businessDetails: { name: 'CPO' } }],
});

// Hono serves it here under node:http; Deno.serve(app.fetch) or Bun.serve(app) work the same way.
const server = createServer();
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ocpi`;

const handle = createOcpiHandler({
  store,
  baseUrl,
  versions: [
    v221.serveVersion({
      roles: [{ role: 'EMSP', country_code: 'NL', party_id: 'EMS', business_details: { name: 'eMSP' } }],
      modules: {
        locations: {
          receiver: {
            putLocation: ({ body }) => void locations.set(body.id, body),
            getLocation: ({ params }) => locations.get(params.location_id),
          },
        },
        sessions: {
          receiver: {
            putSession: ({ body }) => void sessions.set(body.id, body),
            getSession: ({ params }) => sessions.get(params.session_id),
          },
        },
        cdrs: {
          receiver: {
            postCdr: ({ body }) => {
              cdrs.set(body.id, body);
              return 'created';
            },
            getCdr: ({ params }) => cdrs.get(params.cdr_id),
          },
        },
      },
    }),
  ],
});
const app = new Hono();
app.get('/health', (c) => c.text('ok'));
app.all('/ocpi/*', (c) => handle(c.req.raw));
server.on('request', toNodeListener(app.fetch));

// The CPO's side: our client pushes a Location, then a Session at it.
const cpo = v221.createClient({
  token: 'token-c',
  endpoints: [
    { identifier: 'locations', role: 'RECEIVER', url: `${baseUrl}/2.2.1/receiver/locations` },
    { identifier: 'sessions', role: 'RECEIVER', url: `${baseUrl}/2.2.1/receiver/sessions` },
  ],
  from: { countryCode: 'NL', partyId: 'CPO' },
  to: { countryCode: 'NL', partyId: 'EMS' },
});
const party = { country_code: 'NL', party_id: 'CPO' } as const;
await cpo.locations.receiver.putLocation({
  params: { ...party, location_id: 'LOC1' },
  body: {
    ...party,
    id: 'LOC1',
    publish: true,
    address: 'Stationsplein 1',
    city: 'Utrecht',
    country: 'NLD',
    coordinates: { latitude: '52.089444', longitude: '5.110278' },
    time_zone: 'Europe/Amsterdam',
    last_updated: '2024-06-01T12:00:00Z',
  },
});
await cpo.sessions.receiver.putSession({
  params: { ...party, session_id: 'SES1' },
  body: {
    ...party,
    id: 'SES1',
    start_date_time: '2024-06-01T12:00:00Z',
    kwh: 0,
    cdr_token: {
      country_code: 'NL',
      party_id: 'EMS',
      uid: '012345678',
      type: 'RFID',
      contract_id: 'NL-EMS-C12345678-X',
    },
    auth_method: 'WHITELIST',
    location_id: 'LOC1',
    evse_uid: 'EVSE1',
    connector_id: '1',
    currency: 'EUR',
    status: 'ACTIVE',
    last_updated: '2024-06-01T12:00:00Z',
  },
});
console.log([...locations.keys()], sessions.get('SES1')?.status); // => [ 'LOC1' ] ACTIVE

// Reading back what was pushed goes through the handler too; an unknown Session is a 404.
const session = await cpo.sessions.receiver.getSession({ params: { ...party, session_id: 'SES1' } });
console.log(session.location_id); // => LOC1
const missing = await cpo.sessions.receiver
  .getSession({ params: { ...party, session_id: 'NOPE' } })
  .catch((error: { httpStatus?: number }) => error.httpStatus);
console.log(missing); // => 404

server.close();
