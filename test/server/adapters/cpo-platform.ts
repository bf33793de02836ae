// Support of the adapter tests: one small 2.2.1 CPO platform (Locations sender, Tokens receiver, a
// registered eMSP), and what our client checks of it once a framework serves it over real HTTP.
import { createOcpiHandler, InMemoryPartnerStore, type OcpiHandler } from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { expect } from 'vitest';
import { location221, TIMESTAMP } from '../../support/ocpi-responses';

const TOKEN = 'token-c';

/** The platform's handler for `baseUrl`, and the Tokens it was pushed. */
export async function cpoPlatform(
  baseUrl: string,
): Promise<{ handle: OcpiHandler; tokens: Map<string, unknown> }> {
  const store = new InMemoryPartnerStore();
  await store.save({
    id: 'emsp-1',
    status: 'registered',
    incomingToken: TOKEN,
    roles: [{ role: 'EMSP', countryCode: 'NL', partyId: 'EMS', businessDetails: { name: 'E' } }],
  });
  const locations = Array.from({ length: 5 }, (_, i) => location221(`LOC${i}`));
  const tokens = new Map<string, unknown>();
  const handle = createOcpiHandler({
    store,
    baseUrl,
    maxPageLimit: 2,
    versions: [
      v221.serveVersion({
        roles: [{ role: 'CPO', country_code: 'NL', party_id: 'CPO', business_details: { name: 'C' } }],
        modules: {
          locations: {
            sender: {
              list: ({ query }) => ({
                items: locations.slice(query.offset, query.offset + query.limit),
                total: locations.length,
              }),
              getLocation: ({ params }) => locations.find(({ id }) => id === params.location_id),
            },
          },
          tokens: {
            receiver: {
              putToken: ({ params, body }) => {
                tokens.set(params.token_uid, body);
                return 'created';
              },
            },
          },
        },
      }),
    ],
  });
  return { handle, tokens };
}

/**
 * What the eMSP's client must get from the platform served at `baseUrl`: the versions and details, every
 * page of Locations (three pages of at most two), one Location, a 404 for an unknown one, a Token pushed.
 */
export async function expectPlatformServed(baseUrl: string, tokens: Map<string, unknown>): Promise<void> {
  const versions = await fetch(`${baseUrl}/versions`, {
    headers: { Authorization: `Token ${btoa(TOKEN)}` },
  }).then((response) => response.json());
  expect(versions).toMatchObject({
    status_code: 1000,
    data: [{ version: '2.2.1', url: `${baseUrl}/2.2.1` }],
  });

  const client = v221.createClient({
    token: TOKEN,
    endpoints: [
      { identifier: 'locations', role: 'SENDER', url: `${baseUrl}/2.2.1/sender/locations` },
      { identifier: 'tokens', role: 'RECEIVER', url: `${baseUrl}/2.2.1/receiver/tokens` },
    ],
    from: { countryCode: 'NL', partyId: 'EMS' },
    to: { countryCode: 'NL', partyId: 'CPO' },
    validation: 'strict',
  });
  const pages: string[][] = [];
  for await (const page of client.locations.sender.list().pages()) pages.push(page.items.map(({ id }) => id));
  expect(pages).toEqual([['LOC0', 'LOC1'], ['LOC2', 'LOC3'], ['LOC4']]);
  await expect(
    client.locations.sender.getLocation({ params: { location_id: 'LOC3' } }),
  ).resolves.toMatchObject({
    id: 'LOC3',
  });
  const missing = await client.locations.sender
    .getLocation({ params: { location_id: 'NOPE' } })
    .catch((error: unknown) => error);
  expect(missing).toMatchObject({ httpStatus: 404, statusCode: 2003 });

  const token = {
    country_code: 'NL',
    party_id: 'EMS',
    uid: 'TOK1',
    type: 'RFID',
    contract_id: 'NL-EMS-C00000001-X',
    issuer: 'E',
    valid: true,
    whitelist: 'ALLOWED',
    last_updated: TIMESTAMP,
  } as const;
  await client.tokens.receiver.putToken({
    params: { country_code: 'NL', party_id: 'EMS', token_uid: 'TOK1' },
    body: token,
  });
  expect(tokens.get('TOK1')).toEqual(token);
}
