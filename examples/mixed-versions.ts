import {
  connect,
  createOcpiHandler,
  formatAuthorizationHeader,
  InMemoryPartnerStore,
  type OcpiClient,
  partnerUrlPolicy,
} from '@org/ocpi';
import { serveLocally, simulatedCpo } from '@org/ocpi/testing';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';

// Calling: two CPOs, one still on 2.1.1. connect() picks each one's version.
const cpos = [
  await serveLocally((baseUrl) => simulatedCpo({ version: '2.2.1', baseUrl, locations: 5 })),
  await serveLocally((baseUrl) => simulatedCpo({ version: '2.1.1', baseUrl, locations: 5 })),
];

// One code path for both: `client.version` says which client it is, and TypeScript narrows on it.
async function describeFirstLocation(client: OcpiClient): Promise<string> {
  if (client.version === '2.2.1') {
    // 2.2.1: interfaces by role; each object names its party.
    const [location] = (await client.locations.sender.list()).items;
    return `${location?.party_id} ${location?.id} in ${location?.city}`;
  }
  // 2.1.1: interfaces by party type; a Location has a `type` and no party id.
  const [location] = (await client.locations.cpo.list()).items;
  return `${location?.id} (${location?.type}) in ${location?.city}`;
}

for (const cpo of cpos) {
  const client = await connect({
    versionsUrl: cpo.versionsUrl,
    token: cpo.registeredToken,
    from: null,
    allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
  });
  console.log(client.version, await describeFirstLocation(client));
  // => 2.2.1 CPO LOC000003 in Utrecht
  // => 2.1.1 LOC000002 (UNDERGROUND_GARAGE) in Amsterdam
  await cpo.close();
}

// Serving: one handler, one serveVersion() per version. A partner registers in the highest both speak.
const store = new InMemoryPartnerStore();
await store.save({ id: 'new-partner', status: 'invited', incomingToken: 'token-a' });
const business_details = { name: 'eMSP' };
const handle = createOcpiHandler({
  store,
  baseUrl: 'https://emsp.example.com/ocpi',
  versions: [
    v221.serveVersion({
      roles: [{ role: 'EMSP', country_code: 'NL', party_id: 'EMS', business_details }],
      modules: {},
    }),
    v211.serveVersion({ country_code: 'NL', party_id: 'EMS', business_details, modules: {} }),
  ],
});
const versions = await handle(
  new Request('https://emsp.example.com/ocpi/versions', {
    headers: { Authorization: formatAuthorizationHeader('token-a', { version: '2.2.1' }) },
  }),
);
const { data } = (await versions.json()) as { data: { version: string; url: string }[] };
for (const { version, url } of data) console.log(version, url);
// => 2.1.1 https://emsp.example.com/ocpi/2.1.1
// => 2.2.1 https://emsp.example.com/ocpi/2.2.1
