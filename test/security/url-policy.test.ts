// Finding 8 of issue #10 (SSRF by default, with an oracle) and the URL half of finding 4 (over-long
// partner URLs). A partner names the URLs our server calls: its versions URL in its credentials, the
// details URL in its versions list, the endpoints in its details. By default none may lead to our own
// machine or network, only https is called, and every failed callback is answered with one message.
// No request leaves the process: `fetch` is injected and records what would have been called.
import {
  connect,
  createRegistrationHandler,
  type InMemoryPartnerStore,
  isOcpiUntrustedUrlError,
  type PartnerRecord,
  partnerUrlPolicy,
  type RegistrationHandlerConfig,
  register,
} from '@org/ocpi';
import { lookupHostAddresses } from '@org/ocpi/node';
import { describe, expect, it } from 'vitest';
import { type AddressScope, addressScope } from '../../src/common/transport/address-scope';
import { BASE, TOKEN_A } from '../registration/support';
import { failure } from '../support/failure';
import { ourConfig, recordingFetch } from './support/injected-fetch';

const TOKEN_B = 'token-b-8d2e61f0-from-the-initiator';
const CALLBACK_FAILED = "Could not use the initiator's API with the versions URL and token it sent";

/** What `recordingFetch` records for GETs of `urls`, in that order. */
const gets = (...urls: string[]) => urls.map((url) => `GET ${url}`);

/** A public-looking initiator (https, a public name) whose API lists what the test wants. */
function initiatorApi(options: { detailsUrl?: string; endpointUrl?: string } = {}) {
  const root = 'https://cpo.example.com/ocpi';
  const detailsUrl = options.detailsUrl ?? `${root}/2.2.1`;
  return {
    versionsUrl: `${root}/versions`,
    detailsUrl,
    routes: {
      [`${root}/versions`]: [{ version: '2.2.1', url: detailsUrl }],
      [detailsUrl]: {
        version: '2.2.1',
        endpoints: [
          { identifier: 'credentials', role: 'SENDER', url: `${root}/2.2.1/credentials` },
          { identifier: 'locations', role: 'SENDER', url: options.endpointUrl ?? `${root}/2.2.1/locations` },
        ],
      },
    },
  };
}

/** Our handler, partner-1 invited with token A; `heard` collects what onCallbackError is told. */
async function answeringSide(
  fetch: typeof globalThis.fetch,
  overrides: Partial<RegistrationHandlerConfig> = {},
) {
  const heard: unknown[] = [];
  const config = ourConfig(fetch, { onCallbackError: (error) => heard.push(error), ...overrides });
  const store = config.store as InMemoryPartnerStore;
  await store.save({ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A });
  return { store, heard, handle: createRegistrationHandler(config) };
}

function postCredentials(url: string): Request {
  return new Request(`${BASE}/2.2.1/credentials`, {
    method: 'POST',
    headers: { Authorization: `Token ${btoa(TOKEN_A)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      token: TOKEN_B,
      url,
      roles: [{ role: 'CPO', party_id: 'EXA', country_code: 'NL', business_details: { name: 'Operator' } }],
    }),
  });
}

async function envelopeOf(response: Response): Promise<{ status_code: number; status_message?: string }> {
  expect(response.status).toBe(200);
  return (await response.json()) as { status_code: number; status_message?: string };
}

// Each of these must be refused by the default policy, before any request.
const REFUSED_BY_DEFAULT = [
  ['cloud metadata over http', 'http://169.254.169.254/latest/'],
  ['cloud metadata over https', 'https://169.254.169.254/latest/meta-data'],
  ['IPv4 loopback', 'https://127.0.0.1/ocpi/versions'],
  ['the rest of 127/8', 'https://127.8.9.10/'],
  ['IPv6 loopback', 'https://[::1]/versions'],
  ['IPv4-mapped loopback', 'https://[::ffff:7f00:1]/'],
  ['IPv4-mapped loopback, dotted', 'https://[::ffff:127.0.0.1]/'],
  ['IPv4-mapped metadata', 'https://[::ffff:169.254.169.254]/'],
  ['NAT64 of the metadata address', 'https://[64:ff9b::a9fe:a9fe]/'],
  ['6to4 of loopback', 'https://[2002:7f00:1::]/'],
  ['loopback as one number', 'https://2130706433/'],
  ['loopback in hex', 'https://0x7f.1/'],
  ['loopback in octal', 'https://0177.0.0.1/'],
  ['loopback in short form', 'https://127.1/'],
  ['private 10/8', 'https://10.0.0.7/'],
  ['private 172.16/12', 'https://172.31.255.1/'],
  ['private 192.168/16', 'https://192.168.1.1/'],
  ['shared CGNAT 100.64/10', 'https://100.64.0.1/'],
  ['unique-local IPv6', 'https://[fd12:3456::1]/'],
  ['link-local IPv6', 'https://[fe80::1]/'],
  ['unspecified IPv4', 'https://0.0.0.0/'],
  ['unspecified IPv6', 'https://[::]/'],
  ['multicast', 'https://224.0.0.1/'],
  ['broadcast', 'https://255.255.255.255/'],
  ['localhost', 'https://localhost/'],
  ['localhost with the final dot', 'https://localhost./'],
  ['localhost in capitals', 'https://LOCALHOST:8443/'],
  ['a name below localhost', 'https://admin.localhost/'],
  ['an mDNS name', 'https://printer.local/'],
  ['a private-use TLD', 'https://metadata.google.internal/computeMetadata/v1/'],
  ['a single-label name', 'https://intranet/'],
  ['a public host over plain http', 'http://partner.example.com/ocpi/versions'],
  ['a non-web scheme', 'ftp://partner.example.com/'],
] as const;

describe('addressScope', () => {
  it.each<[string, AddressScope | undefined]>([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.15.255.255', 'public'],
    ['172.16.0.0', 'private'],
    ['172.32.0.0', 'public'],
    ['100.63.255.255', 'public'],
    ['100.127.255.255', 'private'],
    ['169.254.169.254', 'link-local'],
    ['192.0.2.1', 'reserved'],
    ['8.8.8.8', 'public'],
    ['223.255.255.255', 'public'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['[::1]', 'loopback'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['::127.0.0.1', 'reserved'],
    ['fe80::1%eth0', 'link-local'],
    ['FE80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001:4860:4860::8888', 'public'],
    ['2606:4700:4700:0:0:0:0:1111', 'public'],
    ['64:ff9b::808:808', 'public'],
    ['4000::1', 'reserved'],
    ['partner.example.com', undefined],
    ['1.2.3', undefined],
    ['1.2.3.256', undefined],
    ['1:2:3:4:5:6:7:8:9', undefined],
    ['1::2::3', undefined],
    ['::g', undefined],
    ['[::1', undefined],
    ['1:2:3:4:5:6:7::8', undefined],
    [':1::', undefined],
    ['\u0010::1', undefined],
  ])('%s is %s', (address, scope) => {
    expect(addressScope(address)).toBe(scope);
  });

  it('reads a long run of colons in one pass and refuses it', () => {
    expect(addressScope(`[${':'.repeat(100_000)}]`)).toBeUndefined();
    expect(addressScope('1.'.repeat(50_000))).toBeUndefined();
  });
});

describe('partnerUrlPolicy', () => {
  const byDefault = partnerUrlPolicy();

  it.each(REFUSED_BY_DEFAULT)('refuses %s by default: %s', (_, url) => {
    expect(byDefault(new URL(url))).toBe(false);
  });

  it.each([
    'https://partner.example.com/ocpi/versions',
    'https://cpo.example.com:8443/ocpi',
    'https://8.8.8.8/',
    'https://[2001:4860:4860::8888]/',
  ])('calls %s', (url) => {
    expect(byDefault(new URL(url))).toBe(true);
  });

  it('calls http only when asked to, and loopback only when the host is allowed by name', () => {
    const local = partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1', '::1', 'LocalHost'] });
    expect(local(new URL('http://127.0.0.1:39041/ocpi'))).toBe(true);
    expect(local(new URL('http://[::1]:8080/'))).toBe(true);
    expect(local(new URL('http://localhost:8080/'))).toBe(true);
    expect(local(new URL('http://partner.example.com/'))).toBe(true);
    // Only the hosts listed: the rest of the private network stays closed.
    expect(local(new URL('http://127.0.0.2/'))).toBe(false);
    expect(local(new URL('http://169.254.169.254/'))).toBe(false);
    expect(partnerUrlPolicy({ allowHosts: ['127.0.0.1'] })(new URL('http://127.0.0.1/'))).toBe(false);
  });

  it('says which allowHosts entry it cannot read', () => {
    expect(() => partnerUrlPolicy({ allowHosts: ['bad host'] })).toThrow(/allowHosts entry "bad host"/);
  });

  it('with a resolver, refuses a name that resolves into a private network, or does not resolve', async () => {
    const asked: string[] = [];
    const dns: Record<string, string[]> = {
      'partner.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
      'rebind.example.com': ['93.184.216.34', '10.0.0.7'],
      'metadata.example.com': ['169.254.169.254'],
      'mapped.example.com': ['::ffff:127.0.0.1'],
      'empty.example.com': [],
    };
    const policy = partnerUrlPolicy({
      allowHosts: ['trusted.example.com'],
      resolve: async (host) => {
        asked.push(host);
        const found = dns[host];
        if (!found) throw new Error(`ENOTFOUND ${host}`);
        return found;
      },
    });
    expect(await policy(new URL('https://partner.example.com/'))).toBe(true);
    expect(await policy(new URL('https://rebind.example.com/'))).toBe(false);
    expect(await policy(new URL('https://metadata.example.com/'))).toBe(false);
    expect(await policy(new URL('https://mapped.example.com/'))).toBe(false);
    expect(await policy(new URL('https://empty.example.com/'))).toBe(false);
    expect(await policy(new URL('https://unknown.example.com/'))).toBe(false);
    // Literals, local names and allowed hosts need no lookup.
    expect(await policy(new URL('https://8.8.8.8/'))).toBe(true);
    expect(await policy(new URL('https://localhost/'))).toBe(false);
    expect(await policy(new URL('https://trusted.example.com/'))).toBe(true);
    expect(asked).toEqual([
      'partner.example.com',
      'rebind.example.com',
      'metadata.example.com',
      'mapped.example.com',
      'empty.example.com',
      'unknown.example.com',
    ]);
  });

  it('lookupHostAddresses (Node) gives every address of a name, from the system resolver', async () => {
    // `localhost` comes from the hosts file: no query leaves the machine.
    const addresses = await lookupHostAddresses('localhost');
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.every((address) => addressScope(address) === 'loopback')).toBe(true);
  });
});

describe('the registration handler, by default', () => {
  it.each(REFUSED_BY_DEFAULT)(
    'never calls a credentials url at %s (%s), and answers the one 3001 message',
    async (_, url) => {
      const { fetch, called } = recordingFetch();
      const { handle, store, heard } = await answeringSide(fetch);
      const before = structuredClone(store.all());
      const envelope = await envelopeOf(await handle(postCredentials(url)));
      expect(called).toEqual([]);
      expect(envelope).toEqual({
        status_code: 3001,
        status_message: CALLBACK_FAILED,
        timestamp: expect.any(String),
      });
      expect(store.all()).toEqual(before);
      // The app learns what was refused; the partner does not.
      expect(heard).toHaveLength(1);
      expect(isOcpiUntrustedUrlError(heard[0])).toBe(true);
    },
  );

  it('answers a refused URL, an HTTP error, a network failure, a timeout and a broken answer alike', async () => {
    const messages = new Set<string | undefined>();
    const failures: ((request: Request) => Promise<Response>)[] = [
      async () => new Response('not found', { status: 404 }),
      async () => new Response('<html>internal admin</html>', { status: 200 }),
      async () => Promise.reject(new TypeError('fetch failed: ECONNREFUSED')),
      // Never answers, until the handler's own timeout aborts it.
      (request) =>
        new Promise((_, reject) =>
          request.signal.addEventListener('abort', () => reject(request.signal.reason)),
        ),
    ];
    const api = initiatorApi();
    for (const fallback of failures) {
      const { fetch } = recordingFetch({}, fallback);
      const { handle } = await answeringSide(fetch, { timeout: 20 });
      const envelope = await envelopeOf(await handle(postCredentials(api.versionsUrl)));
      expect(envelope.status_code).toBe(3001);
      messages.add(envelope.status_message);
    }
    const { fetch } = recordingFetch();
    const { handle } = await answeringSide(fetch);
    messages.add(
      (await envelopeOf(await handle(postCredentials('https://10.0.0.7/ocpi/versions')))).status_message,
    );
    expect([...messages]).toEqual([CALLBACK_FAILED]);
  });

  it('never calls a details URL the versions list points into our network', async () => {
    const api = initiatorApi({ detailsUrl: 'https://169.254.169.254/latest/meta-data' });
    const { fetch, called } = recordingFetch(api.routes);
    const { handle, store } = await answeringSide(fetch);
    const envelope = await envelopeOf(await handle(postCredentials(api.versionsUrl)));
    expect(envelope).toMatchObject({ status_code: 3001, status_message: CALLBACK_FAILED });
    expect(called).toEqual(gets(api.versionsUrl));
    expect(store.all()[0]?.status).toBe('invited');
  });

  it.each([
    ['in our network', 'https://10.0.0.7/locations'],
    ['over plain http', 'http://cpo.example.com/ocpi/2.2.1/locations'],
    ['longer than 255 characters', `https://cpo.example.com/ocpi/${'x'.repeat(250)}`],
  ])('never stores an endpoint %s', async (_, endpointUrl) => {
    const api = initiatorApi({ endpointUrl });
    const { fetch, called } = recordingFetch(api.routes);
    const { handle, store } = await answeringSide(fetch);
    const envelope = await envelopeOf(await handle(postCredentials(api.versionsUrl)));
    expect(envelope).toMatchObject({ status_code: 3001, status_message: CALLBACK_FAILED });
    expect(called).toEqual(gets(api.versionsUrl, api.detailsUrl));
    expect(store.all()).toEqual([{ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A }]);
  });

  it('refuses a credentials url over 255 characters in lenient mode too, without calling it', async () => {
    const long = `https://cpo.example.com/${'v'.repeat(232)}`;
    expect(long).toHaveLength(256);
    const { fetch, called } = recordingFetch();
    const { handle } = await answeringSide(fetch, { validation: 'lenient' });
    const envelope = await envelopeOf(await handle(postCredentials(long)));
    expect(envelope).toMatchObject({ status_code: 2001 });
    expect(envelope.status_message).toContain('url: must have at most 255 characters');
    expect(called).toEqual([]);
  });

  it('calls a loopback initiator over http when the app allows it', async () => {
    const root = 'http://127.0.0.1:39041/ocpi';
    const routes = {
      [`${root}/versions`]: [{ version: '2.2.1', url: `${root}/2.2.1` }],
      [`${root}/2.2.1`]: {
        version: '2.2.1',
        endpoints: [{ identifier: 'credentials', role: 'SENDER', url: `${root}/2.2.1/credentials` }],
      },
    };
    const { fetch, called } = recordingFetch(routes);
    const allowPartnerUrl = partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] });
    const { handle } = await answeringSide(fetch, { allowPartnerUrl });
    const envelope = await envelopeOf(await handle(postCredentials(`${root}/versions`)));
    expect(envelope.status_code).toBe(1000);
    expect(called).toEqual(gets(`${root}/versions`, `${root}/2.2.1`));
  });

  it('awaits an asynchronous policy', async () => {
    const api = initiatorApi();
    const { fetch, called } = recordingFetch(api.routes);
    const allowPartnerUrl = async (url: URL) => url.hostname !== 'cpo.example.com';
    const { handle } = await answeringSide(fetch, { allowPartnerUrl });
    const envelope = await envelopeOf(await handle(postCredentials(api.versionsUrl)));
    expect(envelope).toMatchObject({ status_code: 3001, status_message: CALLBACK_FAILED });
    expect(called).toEqual([]);
  });
});

describe('register() and connect(), by default', () => {
  it.each(REFUSED_BY_DEFAULT)('never calls a versions URL at %s (%s)', async (_, versionsUrl) => {
    const { fetch, called } = recordingFetch();
    const config = ourConfig(fetch);
    const registering = await failure(register({ config, partnerId: 'cpo', versionsUrl, tokenA: TOKEN_A }));
    const connecting = await failure(connect({ versionsUrl, token: TOKEN_A, fetch }));
    for (const error of [registering, connecting]) {
      expect(isOcpiUntrustedUrlError(error)).toBe(true);
      expect(String(error)).not.toContain(TOKEN_A);
    }
    expect(called).toEqual([]);
    expect((config.store as InMemoryPartnerStore).all()).toEqual([]);
  });

  it('never calls a details URL in our network, nor stores or returns an endpoint there', async () => {
    const inside = initiatorApi({ detailsUrl: 'https://[::ffff:a9fe:a9fe]/latest' });
    const first = recordingFetch(inside.routes);
    const error = await failure(
      connect({ versionsUrl: inside.versionsUrl, token: TOKEN_A, fetch: first.fetch }),
    );
    expect(isOcpiUntrustedUrlError(error)).toBe(true);
    expect(first.called).toEqual(gets(inside.versionsUrl));

    const endpoint = initiatorApi({ endpointUrl: 'https://192.168.0.10/locations' });
    const second = recordingFetch(endpoint.routes);
    const config = ourConfig(second.fetch);
    const registering = await failure(
      register({ config, partnerId: 'cpo', versionsUrl: endpoint.versionsUrl, tokenA: TOKEN_A }),
    );
    const connecting = await failure(
      connect({ versionsUrl: endpoint.versionsUrl, token: TOKEN_A, fetch: second.fetch }),
    );
    expect([registering, connecting].map(isOcpiUntrustedUrlError)).toEqual([true, true]);
    // Versions and details, twice: no POST of our credentials, nothing stored.
    expect(second.called).toEqual(
      gets(endpoint.versionsUrl, endpoint.detailsUrl, endpoint.versionsUrl, endpoint.detailsUrl),
    );
    expect((config.store as InMemoryPartnerStore).all()).toEqual<PartnerRecord[]>([]);
  });

  it('names an over-long URL by its start only', async () => {
    const endpointUrl = `https://cpo.example.com/${'e'.repeat(100_000)}`;
    const api = initiatorApi({ endpointUrl });
    const { fetch } = recordingFetch(api.routes);
    const error = await failure(connect({ versionsUrl: api.versionsUrl, token: TOKEN_A, fetch }));
    expect(isOcpiUntrustedUrlError(error)).toBe(true);
    expect(String(error).length).toBeLessThan(1_000);
  });

  it('connect() takes the same policy option, sync or async', async () => {
    const root = 'http://127.0.0.1:39041/ocpi';
    const routes = {
      [`${root}/versions`]: [{ version: '2.2.1', url: `${root}/2.2.1` }],
      [`${root}/2.2.1`]: {
        version: '2.2.1',
        endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${root}/2.2.1/locations` }],
      },
    };
    const { fetch } = recordingFetch(routes);
    const allowPartnerUrl = partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] });
    const client = await connect({ versionsUrl: `${root}/versions`, token: TOKEN_A, fetch, allowPartnerUrl });
    expect(client.version).toBe('2.2.1');
    const refused = await failure(
      connect({ versionsUrl: `${root}/versions`, token: TOKEN_A, fetch, allowPartnerUrl: async () => false }),
    );
    expect(isOcpiUntrustedUrlError(refused)).toBe(true);
  });
});
