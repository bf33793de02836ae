// The 2.2.1 routing headers (OCPI-from-*, OCPI-to-*): a client made from a registration knows both
// parties and sends them by itself on functional modules only; a client made without `from` says once
// that its functional calls go without them, unless `from: null` says the link needs none.

import { partnerClient, register } from '@org/ocpi';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { sdkParties } from '../registration/support';
import { useMswServer } from '../support/msw';
import { location221, ocpi } from '../support/ocpi-responses';

const { server, requests } = useMswServer();
const party = sdkParties(server);

const CPO = 'https://cpo.example.com/ocpi';
const EMSP = 'https://emsp.example.com/ocpi';
const TOKEN_A = 'token-a-from-the-cpo';

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
});

/** The routing headers of a request, by lower-case name. */
function routing(request: Request | undefined): Record<string, string> {
  const found: Record<string, string> = {};
  request?.headers.forEach((value, name) => {
    if (name.startsWith('ocpi-from-') || name.startsWith('ocpi-to-')) found[name] = value;
  });
  return found;
}

const sentTo = (suffix: string) => requests.find((request) => new URL(request.url).pathname.endsWith(suffix));

async function registeredEmsp(version: '2.1.1' | '2.2.1') {
  const cpo = party(CPO, 'CPO', [version]);
  await cpo.store.save({ id: 'emsp', status: 'invited', incomingToken: TOKEN_A });
  const emsp = party(EMSP, 'EMSP', [version]);
  const record = await register({
    config: emsp.config,
    partnerId: 'cpo',
    versionsUrl: `${CPO}/versions`,
    tokenA: TOKEN_A,
  });
  server.use(http.get(`${CPO}/${version}/locations`, () => ocpi([location221('LOC1')])));
  requests.length = 0;
  return { cpo, emsp, record };
}

describe('a client made from a registration', () => {
  it('2.2.1: sends OCPI-from-* (our party) and OCPI-to-* (theirs) on a functional call, none on versions or credentials', async () => {
    const { emsp, record } = await registeredEmsp('2.2.1');
    const client = partnerClient({ config: emsp.config, record });
    if (client.version !== '2.2.1') throw new Error('expected a 2.2.1 client');

    await client.locations.sender.list();
    await client.versions.getVersions({ params: { versions_url: record.versionsUrl ?? '' } });
    await client.credentials.getCredentials();

    expect(routing(sentTo('/2.2.1/locations'))).toEqual({
      'ocpi-from-country-code': 'NL',
      'ocpi-from-party-id': 'EMS',
      'ocpi-to-country-code': 'NL',
      'ocpi-to-party-id': 'CPO',
    });
    expect(sentTo('/versions')).toBeDefined();
    expect(routing(sentTo('/versions'))).toEqual({});
    expect(sentTo('/2.2.1/credentials')).toBeDefined();
    expect(routing(sentTo('/2.2.1/credentials'))).toEqual({});
    expect(warn).not.toHaveBeenCalled();
  });

  it("2.2.1: a call's `options.to` still picks another recipient", async () => {
    const { emsp, record } = await registeredEmsp('2.2.1');
    const client = partnerClient({ config: emsp.config, record });
    if (client.version !== '2.2.1') throw new Error('expected a 2.2.1 client');
    await client.locations.sender.list({ options: { to: { countryCode: 'BE', partyId: 'BEC' } } });
    expect(routing(sentTo('/2.2.1/locations'))).toMatchObject({
      'ocpi-from-party-id': 'EMS',
      'ocpi-to-country-code': 'BE',
      'ocpi-to-party-id': 'BEC',
    });
  });

  it('2.1.1: a 2.1.1 client, which has no routing headers', async () => {
    const { emsp, record } = await registeredEmsp('2.1.1');
    const client = partnerClient({ config: emsp.config, record });
    expect(client.version).toBe('2.1.1');
    if (client.version !== '2.1.1') return;
    server.use(http.get(`${CPO}/2.1.1/locations`, () => ocpi([])));
    await client.locations.cpo.list();
    expect(sentTo('/2.1.1/locations')).toBeDefined();
    expect(routing(sentTo('/2.1.1/locations'))).toEqual({});
    expect(warn).not.toHaveBeenCalled();
  });

  it('2.2.1: with several parties of ours, asks which one (and takes the one named)', async () => {
    const { emsp, record } = await registeredEmsp('2.2.1');
    const roles = emsp.config.versions['2.2.1']?.roles ?? [];
    const platform = {
      ...emsp.config,
      versions: {
        '2.2.1': {
          endpoints: [],
          roles: [
            ...roles,
            { role: 'EMSP', party_id: 'EM2', country_code: 'DE', business_details: { name: 'Two' } },
          ],
        },
      },
    } as const;
    expect(() => partnerClient({ config: platform, record })).toThrow(
      new TypeError(
        'partnerClient(): our 2.2.1 config names several parties (NL*EMS, DE*EM2); pass `from` to say which one routes the calls',
      ),
    );
    const client = partnerClient({ config: platform, record, from: { countryCode: 'DE', partyId: 'EM2' } });
    if (client.version !== '2.2.1') throw new Error('expected a 2.2.1 client');
    await client.locations.sender.list();
    expect(routing(sentTo('/2.2.1/locations'))).toMatchObject({
      'ocpi-from-country-code': 'DE',
      'ocpi-from-party-id': 'EM2',
      'ocpi-to-party-id': 'CPO',
    });
  });

  it('2.2.1: one party in two roles is one party', async () => {
    const { emsp, record } = await registeredEmsp('2.2.1');
    const both = {
      ...record,
      roles: [
        ...(record.roles ?? []),
        {
          role: 'EMSP' as const,
          countryCode: 'nl',
          partyId: 'cpo',
          businessDetails: { name: 'Also an eMSP' },
        },
      ],
    };
    const client = partnerClient({ config: emsp.config, record: both });
    if (client.version !== '2.2.1') throw new Error('expected a 2.2.1 client');
    await client.locations.sender.list();
    expect(routing(sentTo('/2.2.1/locations'))).toMatchObject({ 'ocpi-to-party-id': 'CPO' });
  });

  it('2.2.1: with no party of the partner known, asks for `to`', async () => {
    const { emsp, record } = await registeredEmsp('2.2.1');
    const { roles: _unknown, ...withoutRoles } = record;
    expect(() => partnerClient({ config: emsp.config, record: withoutRoles })).toThrow(
      /^partnerClient\(\): the credentials of partner cpo name no party; pass `to`/,
    );
  });
});

describe('a 2.2.1 client made without `from`', () => {
  const ENDPOINTS = [
    { identifier: 'locations', role: 'SENDER' as const, url: `${CPO}/2.2.1/locations` },
    { identifier: 'credentials', role: 'SENDER' as const, url: `${CPO}/2.2.1/credentials` },
  ];

  // The warning is said once per process: each test gets the SDK's modules afresh.
  async function freshV221() {
    vi.resetModules();
    return import('@org/ocpi/v221');
  }

  beforeEach(() => {
    server.use(
      http.get(`${CPO}/2.2.1/locations`, () => ocpi([])),
      http.get(`${CPO}/2.2.1/credentials`, () =>
        ocpi({
          token: 'x',
          url: `${CPO}/versions`,
          roles: [{ role: 'CPO', party_id: 'CPO', country_code: 'NL', business_details: { name: 'CPO' } }],
        }),
      ),
    );
  });

  it('says once, at its first functional call, that the calls go without routing headers', async () => {
    const { createClient } = await freshV221();
    const client = createClient({ token: 'token-c', endpoints: ENDPOINTS });
    await client.credentials.getCredentials();
    expect(warn).not.toHaveBeenCalled();

    await client.locations.sender.list();
    await client.locations.sender.list();
    const another = createClient({ token: 'token-c', endpoints: ENDPOINTS });
    await another.locations.sender.list();

    expect(warn).toHaveBeenCalledTimes(1);
    const [message] = warn.mock.calls[0] ?? [];
    expect(message).toMatch(/^@org\/ocpi: a 2\.2\.1 client without `from` sends functional calls without/);
    expect(message).toContain('`from: null`');
    expect(requests.map(routing)).toEqual(requests.map(() => ({})));
  });

  it('stays quiet with `from: null`, the direct link between single-role parties, and sends no routing headers', async () => {
    const { createClient } = await freshV221();
    const client = createClient({ token: 'token-c', endpoints: ENDPOINTS, from: null });
    await client.locations.sender.list();
    expect(warn).not.toHaveBeenCalled();
    expect(routing(sentTo('/2.2.1/locations'))).toEqual({});
  });

  it('stays quiet with `from`, and sends it', async () => {
    const { createClient } = await freshV221();
    const client = createClient({
      token: 'token-c',
      endpoints: ENDPOINTS,
      from: { countryCode: 'NL', partyId: 'EMS' },
    });
    await client.locations.sender.list();
    expect(warn).not.toHaveBeenCalled();
    expect(routing(sentTo('/2.2.1/locations'))).toEqual({
      'ocpi-from-country-code': 'NL',
      'ocpi-from-party-id': 'EMS',
    });
  });

  it('a 2.1.1 client never says it: 2.1.1 has no routing headers', async () => {
    vi.resetModules();
    const { createClient } = await import('@org/ocpi/v211');
    server.use(http.get(`${CPO}/2.1.1/locations`, () => ocpi([])));
    const client = createClient({
      token: 'token-c',
      endpoints: [{ identifier: 'locations', url: `${CPO}/2.1.1/locations` }],
    });
    await client.locations.cpo.list();
    expect(warn).not.toHaveBeenCalled();
  });
});
