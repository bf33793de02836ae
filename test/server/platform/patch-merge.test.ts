// patches: 'merge': a PATCH is applied to the stored object, and the whole is checked before the app
// stores it.
import { createOcpiHandler, InMemoryPartnerStore } from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { location221 } from '../../support/ocpi-responses';

const BASE = 'https://emsp.example.com/ocpi';

async function receiver(patches: 'merge' | 'validate') {
  const store = new InMemoryPartnerStore();
  await store.save({
    id: 'cpo',
    status: 'registered',
    incomingToken: 'token-c',
    roles: [{ role: 'CPO', countryCode: 'NL', partyId: 'CPO', businessDetails: { name: 'CPO' } }],
  });
  const stored = new Map<string, v221.Location>([['LOC1', location221('LOC1') as v221.Location]]);
  const patched: { body: unknown; merged: unknown }[] = [];
  const handle = createOcpiHandler({
    store,
    baseUrl: BASE,
    validation: 'strict',
    patches,
    versions: [
      v221.serveVersion({
        roles: [{ role: 'EMSP', country_code: 'NL', party_id: 'EMS', business_details: { name: 'eMSP' } }],
        modules: {
          locations: {
            receiver: {
              getLocation: ({ params }) => stored.get(params.location_id),
              patchLocation: ({ body, merged }) => {
                patched.push({ body, merged });
              },
            },
          },
        },
      }),
    ],
  });
  const patch = (id: string, body: unknown) =>
    handle(
      new Request(`${BASE}/2.2.1/receiver/locations/NL/CPO/${id}`, {
        method: 'PATCH',
        body: JSON.stringify(body),
        headers: {
          Authorization: `Token ${btoa('token-c')}`,
          'Content-Type': 'application/json',
          'OCPI-from-country-code': 'NL',
          'OCPI-from-party-id': 'CPO',
        },
      }),
    );
  return { patch, patched };
}

describe("patches: 'merge'", () => {
  it('hands the implementation the stored object with the patch applied, checked as a whole', async () => {
    const { patch, patched } = await receiver('merge');
    const body = { name: 'Station Square', last_updated: '2024-07-01T10:00:00Z' };
    expect(await (await patch('LOC1', body)).json()).toMatchObject({ status_code: 1000 });
    expect(patched).toEqual([{ body, merged: { ...location221('LOC1'), ...body } }]);
  });

  it('refuses a patch that leaves the object breaking the spec, naming the field, before the app sees it', async () => {
    const { patch, patched } = await receiver('merge');
    const response = await patch('LOC1', {
      time_zone: 'x'.repeat(300),
      last_updated: '2024-07-01T10:00:00Z',
    });
    const answer = await response.json();
    expect(answer).toMatchObject({ status_code: 2001 });
    expect(answer.status_message).toContain('time_zone');
    expect(patched).toEqual([]);
  });

  it('answers a patch of an unknown Location with 404 and 2003', async () => {
    const { patch, patched } = await receiver('merge');
    const response = await patch('NOPE', { name: 'x', last_updated: '2024-07-01T10:00:00Z' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status_code: 2003 });
    expect(patched).toEqual([]);
  });

  it("checks the patch alone with 'validate', and gives no merged object", async () => {
    const { patch, patched } = await receiver('validate');
    expect(
      await (await patch('NOPE', { name: 'x', last_updated: '2024-07-01T10:00:00Z' })).json(),
    ).toMatchObject({
      status_code: 1000,
    });
    expect(patched).toEqual([
      { body: { name: 'x', last_updated: '2024-07-01T10:00:00Z' }, merged: undefined },
    ]);
  });
});
