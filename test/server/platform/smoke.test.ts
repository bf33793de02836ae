import { createOcpiHandler, InMemoryPartnerStore } from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { closeServersAfterEach } from '../../support/local-server';
import { location221 } from '../../support/ocpi-responses';
import { serveHandler } from '../../support/serve-handler';

closeServersAfterEach();

describe('smoke', () => {
  it('serves a list and an object to our own client', async () => {
    const store = new InMemoryPartnerStore();
    await store.save({
      id: 'emsp-1',
      status: 'registered',
      incomingToken: 'token-c',
      roles: [{ role: 'EMSP', countryCode: 'NL', partyId: 'EMS', businessDetails: { name: 'E' } }],
    });
    const locations = Array.from({ length: 7 }, (_, i) => location221(`LOC${i}`));
    const server = await serveHandler((origin) =>
      createOcpiHandler({
        store,
        baseUrl: `${origin}/ocpi`,
        maxPageLimit: 3,
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
                  getLocation: ({ params }) => locations.find((l) => l.id === params.location_id),
                },
              },
            },
          }),
        ],
      }),
    );
    const client = v221.createClient({
      token: 'token-c',
      endpoints: [
        { identifier: 'locations', role: 'SENDER', url: `${server.origin}/ocpi/2.2.1/sender/locations` },
      ],
      from: { countryCode: 'NL', partyId: 'EMS' },
      validation: 'strict',
    });
    const all = await client.locations.sender.list().toArray({ limit: 100 });
    expect(all.map((l) => l.id)).toEqual(locations.map((l) => l.id));
    await expect(
      client.locations.sender.getLocation({ params: { location_id: 'LOC3' } }),
    ).resolves.toMatchObject({ id: 'LOC3' });
    const missing = await client.locations.sender
      .getLocation({ params: { location_id: 'NOPE' } })
      .catch((e) => e);
    expect(missing).toMatchObject({ httpStatus: 404 });
  });
});
