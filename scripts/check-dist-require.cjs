// Run by check-dist.mjs with require(esm) turned off, as Node before 20.19 and Jest load CommonJS: every
// entry loads through require(), and a 2.2.1 client fetches a page from a local server, which only works
// when the CommonJS build carries its own ky (ky ships ES modules only).
const assert = require('node:assert/strict');
const http = require('node:http');
const { name, exports: exportsMap } = require('../package.json');

for (const subpath of Object.keys(exportsMap).filter((key) => key !== './package.json')) {
  const entry = subpath === '.' ? name : `${name}/${subpath.slice(2)}`;
  assert.ok(Object.keys(require(entry)).length > 0, `${entry}: no exports through require()`);
}

const { createClient } = require(`${name}/v221`);
const server = http.createServer((_request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ status_code: 1000, timestamp: '2024-06-01T12:00:00Z', data: [] }));
});
server.listen(0, '127.0.0.1', async () => {
  try {
    const url = `http://127.0.0.1:${server.address().port}/ocpi/2.2.1/locations`;
    const client = createClient({
      token: 'token-for-a-check',
      endpoints: [{ identifier: 'locations', role: 'SENDER', url }],
      from: { countryCode: 'NL', partyId: 'EXA' },
      to: { countryCode: 'DE', partyId: 'CPO' },
    });
    const page = await client.locations.sender.list();
    assert.deepEqual(page.items, []);
    console.log('ok require() without require(esm): every entry loads, a client call works');
  } finally {
    server.close();
  }
});
