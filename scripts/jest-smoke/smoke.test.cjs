// Copied by scripts/check-dist-jest.mjs into a new project where the packed package is installed, and
// run there by Jest in its CommonJS runtime. ky probes the runtime at load time by building a Request for
// https://empty.invalid: a trap on Request tells whether ky's code ran.
const http = require('node:http');

const KY_PROBE_URL = 'https://empty.invalid';
let kyProbes = 0;
globalThis.Request = new Proxy(globalThis.Request, {
  construct(target, args, newTarget) {
    if (String(args[0]) === KY_PROBE_URL) kyProbes += 1;
    return Reflect.construct(target, args, newTarget);
  },
});

const location = {
  country_code: 'NL',
  party_id: 'CPO',
  id: 'LOC1',
  publish: true,
  address: 'Stationsplein 1',
  city: 'Amsterdam',
  country: 'NLD',
  coordinates: { latitude: '52.379189', longitude: '4.899431' },
  time_zone: 'Europe/Amsterdam',
  last_updated: '2024-06-01T12:00:00Z',
};

test.each(['@org/ocpi', '@org/ocpi/v211', '@org/ocpi/v221', '@org/ocpi/node'])('%s loads', (entry) => {
  expect(Object.keys(require(entry)).length).toBeGreaterThan(0);
});

test('a schemas-only use parses a Location and never runs ky', () => {
  const { LocationSchema } = require('@org/ocpi/v221');
  expect(LocationSchema.parse(location)).toEqual(location);
  expect(kyProbes).toBe(0);
});

test('a client call loads ky then, and works', async () => {
  const server = http.createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ status_code: 1000, timestamp: '2024-06-01T12:00:00Z', data: [location] }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { createClient } = require('@org/ocpi/v221');
    const client = createClient({
      token: 'token-for-a-check',
      endpoints: [
        {
          identifier: 'locations',
          role: 'SENDER',
          url: `http://127.0.0.1:${server.address().port}/locations`,
        },
      ],
      from: { countryCode: 'NL', partyId: 'EXA' },
      to: { countryCode: 'DE', partyId: 'CPO' },
    });
    const page = await client.locations.sender.list();
    expect(page.items).toEqual([location]);
    expect(kyProbes).toBe(1);
  } finally {
    server.close();
  }
});
