// A CPO's later half of a command: its result POSTed to the response_url the command carried, through
// the partner's client, only where our URL policy lets us call.
import {
  commandResponseUrl,
  createOcpiHandler,
  InMemoryPartnerStore,
  isOcpiUntrustedUrlError,
  type PartnerRecord,
  partnerUrlPolicy,
  postCommandResult,
  type RegistrationHandlerConfig,
} from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { failure } from '../../support/failure';
import { closeServersAfterEach } from '../../support/local-server';
import { serveHandler } from '../../support/serve-handler';

closeServersAfterEach();

const CPO_ROLE = {
  role: 'CPO',
  country_code: 'NL',
  party_id: 'CPO',
  business_details: { name: 'CPO' },
} as const;
const EMSP_ROLE = {
  role: 'EMSP',
  country_code: 'NL',
  party_id: 'EMS',
  business_details: { name: 'eMSP' },
} as const;

/** The eMSP: serves the results of its commands, recording what arrives. */
async function emsp() {
  const store = new InMemoryPartnerStore();
  await store.save({
    id: 'cpo',
    status: 'registered',
    incomingToken: 'cpo-token',
    roles: [{ role: 'CPO', countryCode: 'NL', partyId: 'CPO', businessDetails: { name: 'CPO' } }],
  });
  const results: { url: string; body: unknown; from: unknown }[] = [];
  const server = await serveHandler((origin) =>
    createOcpiHandler({
      store,
      baseUrl: `${origin}/ocpi`,
      versions: [
        v221.serveVersion({
          roles: [EMSP_ROLE],
          modules: {
            commands: {
              sender: {
                postResult: ({ request, body, routing }) =>
                  void results.push({ url: request.url, body, from: routing.from }),
              },
            },
          },
        }),
      ],
    }),
  );
  return { origin: server.origin, results };
}

/** Our CPO's side: its config, and the eMSP as registered with it. */
function cpoSide(
  allowPartnerUrl?: RegistrationHandlerConfig['allowPartnerUrl'],
  fetch?: typeof globalThis.fetch,
) {
  const config: RegistrationHandlerConfig = {
    store: new InMemoryPartnerStore(),
    baseUrl: 'https://cpo.example.com/ocpi',
    versions: { '2.2.1': { roles: [CPO_ROLE], endpoints: [] } },
    ...(allowPartnerUrl && { allowPartnerUrl }),
    ...(fetch && { fetch }),
  };
  const record: PartnerRecord = {
    id: 'emsp',
    status: 'registered',
    incomingToken: 'emsp-token',
    outgoingToken: 'cpo-token',
    version: '2.2.1',
    endpoints: [{ identifier: 'tokens', role: 'SENDER', url: 'https://emsp-api.example.com/tokens' }],
    roles: [{ role: 'EMSP', countryCode: 'NL', partyId: 'EMS', businessDetails: { name: 'eMSP' } }],
  };
  return { config, record };
}

describe('postCommandResult', () => {
  it('posts the result to the response_url, with the token and both parties, though its origin is no endpoint', async () => {
    const partner = await emsp();
    const responseUrl = commandResponseUrl(`${partner.origin}/ocpi`, '2.2.1', 'START_SESSION');
    const { config, record } = cpoSide(partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }));
    await postCommandResult({ config, record, responseUrl, result: { result: 'ACCEPTED' } });
    expect(partner.results).toEqual([
      { url: responseUrl, body: { result: 'ACCEPTED' }, from: { countryCode: 'NL', partyId: 'CPO' } },
    ]);
  });

  it('refuses a response_url our URL policy refuses, sending nothing', async () => {
    const sent: string[] = [];
    const recording = (async (input: RequestInfo | URL) => {
      sent.push(String(input instanceof Request ? input.url : input));
      return new Response(null, { status: 500 });
    }) as typeof globalThis.fetch;
    const { config, record } = cpoSide(undefined, recording);
    for (const responseUrl of [
      'http://169.254.169.254/latest',
      'https://10.1.2.3/x',
      'https://localhost/x',
    ]) {
      const error = await failure(
        postCommandResult({ config, record, responseUrl, result: { result: 'ACCEPTED' } }),
      );
      expect(isOcpiUntrustedUrlError(error)).toBe(true);
    }
    expect(sent).toEqual([]);
  });
});
