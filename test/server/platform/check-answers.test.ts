// checkAnswers: what an implementation answers is held to the spec before a partner reads it.
import { createOcpiHandler, InMemoryPartnerStore } from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { location221 } from '../../support/ocpi-responses';

const BASE = 'https://cpo.example.com/ocpi';

async function handlerAnswering(answer: unknown, checkAnswers: boolean) {
  const store = new InMemoryPartnerStore();
  await store.save({
    id: 'emsp-1',
    status: 'registered',
    incomingToken: 'token-c',
    roles: [{ role: 'EMSP', countryCode: 'NL', partyId: 'EMS', businessDetails: { name: 'E' } }],
  });
  const errors: unknown[] = [];
  const handle = createOcpiHandler({
    store,
    baseUrl: BASE,
    checkAnswers,
    onError: (error) => errors.push(error),
    versions: [
      v221.serveVersion({
        roles: [{ role: 'CPO', country_code: 'NL', party_id: 'CPO', business_details: { name: 'C' } }],
        modules: {
          locations: {
            sender: {
              getLocation: () => answer as v221.Location,
              list: () => ({ items: [location221('LOC1'), answer as v221.Location], total: 2 }),
            },
          },
        },
      }),
    ],
  });
  const get = (path: string) =>
    handle(
      new Request(`${BASE}/2.2.1/sender/locations${path}`, {
        headers: { Authorization: `Token ${btoa('token-c')}` },
      }),
    );
  return { get, errors };
}

describe('checkAnswers', () => {
  const broken = { ...location221('LOC2'), coordinates: undefined, time_zone: 42 };

  it('answers an object that breaks the spec with 500 and 3000, naming the fields to onError only', async () => {
    const { get, errors } = await handlerAnswering(broken, true);
    const response = await get('/LOC2');
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toMatchObject({ status_code: 3000 });
    expect(JSON.stringify(body)).not.toContain('time_zone');
    expect(String(errors[0])).toMatch(/coordinates.*time_zone|time_zone.*coordinates/s);
  });

  it('checks every item of a list page', async () => {
    const { get, errors } = await handlerAnswering(broken, true);
    expect((await get('')).status).toBe(500);
    expect(String(errors[0])).toContain('items[1]');
  });

  it('lets valid answers through, and checks nothing when off', async () => {
    const valid = await handlerAnswering(location221('LOC2'), true);
    expect(await (await valid.get('/LOC2')).json()).toMatchObject({
      status_code: 1000,
      data: { id: 'LOC2' },
    });
    const unchecked = await handlerAnswering(broken, false);
    expect(await (await unchecked.get('/LOC2')).json()).toMatchObject({
      status_code: 1000,
      data: { time_zone: 42 },
    });
    expect(unchecked.errors).toEqual([]);
  });
});
