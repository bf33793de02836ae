// Run by check-dist.mjs with require(esm) turned off, and by .ci/run on the oldest Node 20, as Node
// before 20.19 and Jest load CommonJS: every entry loads through require(), and a 2.2.1 client fetches a
// page from a local server, which only works when the CommonJS build carries its own ky (ky ships ES
// modules only). It also proves that requiring the entries and parsing with their schemas never runs
// ky's code: a trap on ky's load-time probe (jest-smoke/ky-probe.cjs) sees none until the first client
// call (where it must see one, so that the trap is shown to work).
const assert = require('node:assert/strict');
const http = require('node:http');
const { name, exports: exportsMap } = require('../package.json');
const { countKyProbes, LOCATION } = require('./jest-smoke/ky-probe.cjs');

const kyProbes = countKyProbes();

for (const subpath of Object.keys(exportsMap).filter((key) => key !== './package.json')) {
  const entry = subpath === '.' ? name : `${name}/${subpath.slice(2)}`;
  assert.ok(Object.keys(require(entry)).length > 0, `${entry}: no exports through require()`);
}

const v211 = require(`${name}/v211`);
const v221 = require(`${name}/v221`);
assert.equal(v221.LocationSchema.safeParse(LOCATION).success, true, '2.2.1 Location parses');
assert.equal(v211.DateTimeSchema.safeParse('2024-06-01T12:00:00Z').success, true, '2.1.1 DateTime parses');
assert.equal(kyProbes(), 0, 'requiring the entries and parsing ran ky');

const server = http.createServer((_request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ status_code: 1000, timestamp: '2024-06-01T12:00:00Z', data: [] }));
});
server.listen(0, '127.0.0.1', async () => {
  try {
    const url = `http://127.0.0.1:${server.address().port}/ocpi/2.2.1/locations`;
    const client = v221.createClient({
      token: 'token-for-a-check',
      endpoints: [{ identifier: 'locations', role: 'SENDER', url }],
      from: { countryCode: 'NL', partyId: 'EXA' },
      to: { countryCode: 'DE', partyId: 'CPO' },
    });
    const page = await client.locations.sender.list();
    assert.deepEqual(page.items, []);
    assert.equal(kyProbes(), 1, 'the first client call loads ky once, and the trap sees it');
    console.log(
      `ok require() on Node ${process.versions.node} without require(esm): every entry loads and parses without running ky, a client call loads it and works`,
    );
  } finally {
    server.close();
  }
});
