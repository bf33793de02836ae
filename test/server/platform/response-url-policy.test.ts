// A partner's response_url is where the app will POST a result, from its own network: the handler
// refuses one the URL policy does not let us call before any implementation sees the request.
import { createOcpiHandler, InMemoryPartnerStore } from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { examples221 } from '../../support/client-payloads';

const BASE = 'https://cpo.example.com/ocpi';

async function cpo() {
  const store = new InMemoryPartnerStore();
  await store.save({
    id: 'emsp',
    status: 'registered',
    incomingToken: 'token-c',
    roles: [{ role: 'EMSP', countryCode: 'NL', partyId: 'EMS', businessDetails: { name: 'eMSP' } }],
  });
  const called: string[] = [];
  const handle = createOcpiHandler({
    store,
    baseUrl: BASE,
    versions: [
      v221.serveVersion({
        roles: [{ role: 'CPO', country_code: 'NL', party_id: 'CPO', business_details: { name: 'CPO' } }],
        modules: {
          commands: {
            receiver: {
              startSession: ({ body }) => {
                called.push(body.response_url);
                return { result: 'ACCEPTED', timeout: 30 };
              },
            },
          },
          chargingprofiles: {
            receiver: {
              getActiveProfile: ({ query }) => {
                called.push(query.response_url);
                return { result: 'ACCEPTED', timeout: 30 };
              },
            },
          },
        },
      }),
    ],
  });
  const send = (path: string, init: RequestInit = {}) =>
    handle(
      new Request(`${BASE}/2.2.1/receiver/${path}`, {
        ...init,
        headers: {
          Authorization: `Token ${btoa('token-c')}`,
          'Content-Type': 'application/json',
          'OCPI-from-country-code': 'NL',
          'OCPI-from-party-id': 'EMS',
        },
      }),
    );
  return { send, called };
}

const startSession = (responseUrl: string) => ({
  method: 'POST',
  body: JSON.stringify({ response_url: responseUrl, token: examples221().appUserToken, location_id: 'LOC1' }),
});

describe('response_url and the URL policy', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data',
    'https://10.0.0.7/results',
    'https://localhost/results',
    'http://emsp.example.com/results',
  ])('refuses a command whose response_url is %s, before the app sees it', async (url) => {
    const { send, called } = await cpo();
    const body = await (await send('commands/START_SESSION', startSession(url))).json();
    expect(body).toMatchObject({ status_code: 2001 });
    expect(body.status_message).toContain('response_url');
    expect(body.status_message).not.toContain(url);
    expect(called).toEqual([]);
  });

  it('takes a command whose response_url is a public https URL', async () => {
    const { send, called } = await cpo();
    const url = 'https://emsp.example.com/ocpi/2.2.1/sender/commands/START_SESSION/1';
    const body = await (await send('commands/START_SESSION', startSession(url))).json();
    expect(body).toMatchObject({ status_code: 1000, data: { result: 'ACCEPTED' } });
    expect(called).toEqual([url]);
  });

  it('checks a response_url in the query too (charging profiles)', async () => {
    const { send, called } = await cpo();
    const refused = await send(
      `chargingprofiles/SES1?duration=60&response_url=${encodeURIComponent('https://192.168.1.1/x')}`,
    );
    expect(await refused.json()).toMatchObject({ status_code: 2001 });
    const url = 'https://emsp.example.com/ocpi/2.2.1/sender/chargingprofiles/active/1';
    const taken = await send(`chargingprofiles/SES1?duration=60&response_url=${encodeURIComponent(url)}`);
    expect(await taken.json()).toMatchObject({ status_code: 1000 });
    expect(called).toEqual([url]);
  });
});
