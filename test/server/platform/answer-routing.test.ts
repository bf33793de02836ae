// 2.2.1 answers to functional module requests carry the routing headers the spec's tables give a direct
// response: to the party that asked, from the party asked (our only party when the request named none).
// Configuration modules and 2.1.1 answers carry none. Over real HTTP, raw fetch as the partner.
import { InMemoryPartnerStore } from '@org/ocpi';
import { beforeAll, describe, expect, it } from 'vitest';
import { examples221 } from '../../support/client-payloads';
import { closeServersAfterEach } from '../../support/local-server';
import { recordingPlatform } from '../../support/recording-platform';
import { serveHandler } from '../../support/serve-handler';

closeServersAfterEach();

const TOKEN = 'token-c-of-abc';
const ROUTING = ['OCPI-from-country-code', 'OCPI-from-party-id', 'OCPI-to-country-code', 'OCPI-to-party-id'];

let ex: ReturnType<typeof examples221>;
beforeAll(() => {
  ex = examples221();
});

async function platform() {
  const store = new InMemoryPartnerStore();
  const party = (role: string) => ({
    role,
    countryCode: 'NL',
    partyId: 'ABC',
    businessDetails: { name: 'ABC' },
  });
  await store.save({
    id: 'abc',
    status: 'registered',
    incomingToken: TOKEN,
    roles: [party('CPO'), party('EMSP')],
  });
  const server = await serveHandler(
    (origin) => recordingPlatform({ store, baseUrl: `${origin}/ocpi` }).handle,
  );
  return `${server.origin}/ocpi`;
}

// The routing headers of the answer to `path`, sent with `headers` beside the token.
async function routingOfAnswer(
  url: string,
  headers: Record<string, string>,
  init: { method?: string; body?: unknown } = {},
) {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Token ${btoa(TOKEN)}`,
      ...(init.body !== undefined && { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  const { status_code: statusCode } = (await response.json()) as { status_code: number };
  const found: Record<string, string> = {};
  for (const name of ROUTING) {
    const value = response.headers.get(name);
    if (value !== null) found[name] = value;
  }
  return { status: response.status, statusCode, routing: found };
}

const FROM_ABC = { 'OCPI-from-country-code': 'NL', 'OCPI-from-party-id': 'ABC' };
const TO_OUR = { 'OCPI-to-country-code': 'NL', 'OCPI-to-party-id': 'OUR' };

describe('2.2.1 answers: routing headers', () => {
  it('answers a push from the party asked to the party that asked', async () => {
    const base = await platform();
    const location = { ...ex.location, country_code: 'NL', party_id: 'ABC', id: 'LOC1' };
    const answer = await routingOfAnswer(
      `${base}/2.2.1/receiver/locations/NL/ABC/LOC1`,
      { ...FROM_ABC, ...TO_OUR },
      { method: 'PUT', body: location },
    );
    expect(answer).toEqual({
      status: 201,
      statusCode: 1000,
      routing: {
        'OCPI-from-country-code': 'NL',
        'OCPI-from-party-id': 'OUR',
        'OCPI-to-country-code': 'NL',
        'OCPI-to-party-id': 'ABC',
      },
    });
  });

  it('names our only party as the sender when the request named no party to', async () => {
    const base = await platform();
    const answer = await routingOfAnswer(`${base}/2.2.1/sender/locations`, FROM_ABC);
    expect(answer.routing).toEqual({
      'OCPI-from-country-code': 'NL',
      'OCPI-from-party-id': 'OUR',
      'OCPI-to-country-code': 'NL',
      'OCPI-to-party-id': 'ABC',
    });
  });

  it('routes a refusal back too', async () => {
    const base = await platform();
    const foreign = { 'OCPI-from-country-code': 'NL', 'OCPI-from-party-id': 'XYZ' };
    const answer = await routingOfAnswer(`${base}/2.2.1/sender/locations`, { ...foreign, ...TO_OUR });
    expect(answer).toMatchObject({ status: 404, statusCode: 2000 });
    expect(answer.routing).toMatchObject({ 'OCPI-to-party-id': 'XYZ', 'OCPI-from-party-id': 'OUR' });
  });

  it('echoes nothing of malformed routing headers', async () => {
    const base = await platform();
    const malformed = { 'OCPI-from-country-code': 'NL', 'OCPI-from-party-id': 'A<B' };
    const answer = await routingOfAnswer(`${base}/2.2.1/sender/locations`, malformed);
    expect(answer).toEqual({ status: 200, statusCode: 2001, routing: {} });
  });

  it('adds none to configuration modules and to 2.1.1', async () => {
    const base = await platform();
    expect((await routingOfAnswer(`${base}/2.2.1/credentials`, FROM_ABC)).routing).toEqual({});
    expect((await routingOfAnswer(`${base}/versions`, FROM_ABC)).routing).toEqual({});
    expect((await routingOfAnswer(`${base}/2.1.1/emsp/locations/NL/ABC/LOC1`, FROM_ABC)).routing).toEqual({});
  });
});
