import { chooseVersion, connect, isOcpiNoCommonVersionError } from '@org/ocpi';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { useMswServer } from '../../support/msw';
import { location211, location221, ocpi } from '../../support/ocpi-responses';

const { server, requests } = useMswServer();

const TOKEN = 'token-a';
const VERSIONS = 'https://partner.example.com/ocpi/versions';

/** A handler that answers only the raw token, as many 2.1.1 and some 2.2 servers do. */
const rawOnly =
  (data: unknown) =>
  ({ request }: { request: Request }) =>
    request.headers.get('authorization') === `Token ${TOKEN}`
      ? ocpi(data)
      : new HttpResponse(null, { status: 401 });

function partner(versions: { version: string; url: string }[], details: Record<string, unknown>) {
  server.use(
    http.get(VERSIONS, () => ocpi(versions)),
    ...Object.entries(details).map(([url, data]) => http.get(url, () => ocpi(data))),
  );
}

describe('chooseVersion', () => {
  it.each([
    [['2.1.1', '2.2.1'], '2.2.1'],
    [['2.2.1', '2.1.1'], '2.2.1'],
    [['2.0', '2.1.1'], '2.1.1'],
    [['2.1'], '2.1.1'],
    [['2.2', '2.1'], '2.1.1'],
  ])('picks the highest common version of %j: %s', (offered, expected) => {
    expect(
      chooseVersion(offered.map((version) => ({ version, url: `https://x.example/${version}` }))).version,
    ).toBe(expected);
  });

  it('refuses a partner with no common version, listing what it offers', () => {
    let error: unknown;
    try {
      chooseVersion([
        { version: '2.0', url: 'u' },
        { version: '3.0', url: 'v' },
      ]);
    } catch (caught) {
      error = caught;
    }
    expect(isOcpiNoCommonVersionError(error)).toBe(true);
    expect(error).toMatchObject({ offered: ['2.0', '3.0'] });
  });
});

describe('connect', () => {
  it('connects a 2.2.1 partner and returns a 2.2.1 client for its endpoints', async () => {
    const details = 'https://partner.example.com/ocpi/2.2.1';
    partner(
      [
        { version: '2.1.1', url: 'https://partner.example.com/ocpi/2.1.1' },
        { version: '2.2.1', url: details },
      ],
      {
        [details]: {
          version: '2.2.1',
          endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${details}/locations` }],
        },
      },
    );
    server.use(http.get(`${details}/locations/LOC1`, () => ocpi(location221('LOC1'))));
    const client = await connect({ versionsUrl: VERSIONS, token: TOKEN });
    expect(client.version).toBe('2.2.1');
    if (client.version !== '2.2.1') return;
    await expect(
      client.locations.sender.getLocation({ params: { location_id: 'LOC1' } }),
    ).resolves.toMatchObject({ id: 'LOC1' });
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      `Token ${btoa(TOKEN)}`,
      `Token ${btoa(TOKEN)}`,
      `Token ${btoa(TOKEN)}`,
    ]);
  });

  it('reads a partner that lists 2.1 as 2.1.1, and falls back to a raw token on 401', async () => {
    const details = 'https://partner.example.com/ocpi/2.1';
    server.use(
      http.get(VERSIONS, ({ request }) =>
        request.headers.get('authorization') === `Token ${TOKEN}`
          ? ocpi([{ version: '2.1', url: details }])
          : new HttpResponse(null, { status: 401 }),
      ),
      http.get(details, () =>
        ocpi({ version: '2.1.1', endpoints: [{ identifier: 'locations', url: `${details}/locations` }] }),
      ),
      http.get(`${details}/locations/LOC1`, () => ocpi(location211('LOC1'))),
    );
    const client = await connect({ versionsUrl: VERSIONS, token: TOKEN });
    expect(client.version).toBe('2.1.1');
    if (client.version !== '2.1.1') return;
    await client.locations.cpo.getLocation({ params: { location_id: 'LOC1' } });
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      `Token ${btoa(TOKEN)}`,
      `Token ${TOKEN}`,
      `Token ${TOKEN}`,
      `Token ${TOKEN}`,
    ]);
  });

  it('asks an open versions endpoint’s 2.1.1 details with the raw token straight away', async () => {
    const details = 'https://partner.example.com/ocpi/2.1.1';
    server.use(
      // Open to any token, as many versions endpoints are: it says nothing about the encoding.
      http.get(VERSIONS, () => ocpi([{ version: '2.1.1', url: details }])),
      http.get(
        details,
        rawOnly({ version: '2.1.1', endpoints: [{ identifier: 'locations', url: `${details}/locations` }] }),
      ),
      http.get(`${details}/locations/LOC1`, rawOnly(location211('LOC1'))),
    );
    const client = await connect({ versionsUrl: VERSIONS, token: TOKEN });
    expect(client.version).toBe('2.1.1');
    if (client.version !== '2.1.1') return;
    await client.locations.cpo.getLocation({ params: { location_id: 'LOC1' } });
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      `Token ${btoa(TOKEN)}`,
      `Token ${TOKEN}`,
      `Token ${TOKEN}`,
    ]);
  });

  it('tries the raw token on a 2.2.1 partner whose details refuse Base64, and keeps it', async () => {
    const details = 'https://partner.example.com/ocpi/2.2.1';
    server.use(
      http.get(VERSIONS, () => ocpi([{ version: '2.2.1', url: details }])),
      http.get(
        details,
        rawOnly({
          version: '2.2.1',
          endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${details}/locations` }],
        }),
      ),
      http.get(`${details}/locations/LOC1`, rawOnly(location221('LOC1'))),
    );
    const client = await connect({ versionsUrl: VERSIONS, token: TOKEN });
    if (client.version !== '2.2.1') throw new Error(`connected to ${client.version}`);
    await client.locations.sender.getLocation({ params: { location_id: 'LOC1' } });
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      `Token ${btoa(TOKEN)}`,
      `Token ${btoa(TOKEN)}`,
      `Token ${TOKEN}`,
      `Token ${TOKEN}`,
    ]);
    // Discovery is one flow: every request has its own id and they share one correlation id.
    const discovery = requests.slice(0, 3);
    expect(new Set(discovery.map((request) => request.headers.get('x-request-id'))).size).toBe(3);
    expect(new Set(discovery.map((request) => request.headers.get('x-correlation-id'))).size).toBe(1);
  });

  it('sends the request and correlation ids on a versions GET with a raw token too', async () => {
    const details = 'https://partner.example.com/ocpi/2.1';
    server.use(
      http.get(VERSIONS, ({ request }) =>
        request.headers.get('authorization') === `Token ${TOKEN}`
          ? ocpi([{ version: '2.1', url: details }])
          : new HttpResponse(null, { status: 401 }),
      ),
      http.get(details, () =>
        ocpi({ version: '2.1.1', endpoints: [{ identifier: 'locations', url: `${details}/locations` }] }),
      ),
    );
    await connect({ versionsUrl: VERSIONS, token: TOKEN, correlationId: 'flow-7' });
    const rawVersions = requests[1];
    expect(rawVersions?.headers.get('authorization')).toBe(`Token ${TOKEN}`);
    expect(rawVersions?.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(rawVersions?.headers.get('x-correlation-id')).toBe('flow-7');
  });

  it('fails with a typed error when no version is shared', async () => {
    partner([{ version: '2.0', url: 'https://partner.example.com/ocpi/2.0' }], {});
    const error = await connect({ versionsUrl: VERSIONS, token: TOKEN }).catch((caught: unknown) => caught);
    expect(isOcpiNoCommonVersionError(error)).toBe(true);
  });
});
