// Copied by scripts/check-dist-jest.mjs into a new project where the packed package is installed, and
// run there by Jest in its CommonJS runtime, beside ky-probe.cjs, whose trap tells whether ky's code ran.
const http = require('node:http');
const { countKyProbes, LOCATION: location } = require('./ky-probe.cjs');

const kyProbes = countKyProbes();

test.each(['@org/ocpi', '@org/ocpi/v211', '@org/ocpi/v221', '@org/ocpi/node'])('%s loads', (entry) => {
  expect(Object.keys(require(entry)).length).toBeGreaterThan(0);
});

test('a schemas-only use parses a Location and never runs ky', () => {
  const { LocationSchema } = require('@org/ocpi/v221');
  expect(LocationSchema.parse(location)).toEqual(location);
  expect(kyProbes()).toBe(0);
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
    expect(kyProbes()).toBe(1);
  } finally {
    server.close();
  }
});
