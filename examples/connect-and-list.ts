import { connect, partnerUrlPolicy } from '@org/ocpi';
import { serveLocally, simulatedCpo } from '@org/ocpi/testing';

// A partner to call: a simulated CPO on this machine. A real one gives you its versions URL and a token.
const cpo = await serveLocally((baseUrl) => simulatedCpo({ version: '2.2.1', baseUrl }));

// Discovery: the partner's versions, the highest one both sides speak, and its endpoints.
const client = await connect({
  versionsUrl: cpo.versionsUrl,
  token: cpo.registeredToken,
  from: { countryCode: 'NL', partyId: 'EMS' },
  // Only for this machine: by default the client calls public https URLs alone.
  allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
});
console.log(client.version); // => 2.2.1

if (client.version === '2.2.1') {
  // Every page, followed for you; the cap keeps memory bounded.
  const locations = await client.locations.sender.list().toArray({ limit: 1_000 });
  console.log(locations.length, locations[0]?.id); // => 300 LOC000228
}

await cpo.close();
