import { connect, partnerUrlPolicy } from '@org/ocpi';
import { serveLocally, simulatedEmsp } from '@org/ocpi/testing';
import type { Location } from '@org/ocpi/v221';

// A simulated eMSP on this machine, with a token it registered for us, the CPO NL/CPO.
const emsp = await serveLocally((baseUrl) => simulatedEmsp({ version: '2.2.1', baseUrl }));
const client = await connect({
  versionsUrl: emsp.versionsUrl,
  token: emsp.registeredToken,
  from: { countryCode: 'NL', partyId: 'CPO' },
  to: { countryCode: 'NL', partyId: 'EMS' },
  allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
});
if (client.version !== '2.2.1') throw new Error(`expected 2.2.1, got ${client.version}`);

const ids = { country_code: 'NL', party_id: 'CPO', location_id: 'LOC1' } as const;
const location: Location = {
  country_code: 'NL',
  party_id: 'CPO',
  id: 'LOC1',
  publish: true,
  address: 'Stationsplein 1',
  city: 'Utrecht',
  country: 'NLD',
  coordinates: { latitude: '52.089444', longitude: '5.110278' },
  time_zone: 'Europe/Amsterdam',
  evses: [
    {
      uid: 'EVSE1',
      status: 'AVAILABLE',
      connectors: [
        {
          id: '1',
          standard: 'IEC_62196_T2',
          format: 'SOCKET',
          power_type: 'AC_3_PHASE',
          max_voltage: 230,
          max_amperage: 32,
          last_updated: '2024-06-01T12:00:00Z',
        },
      ],
      last_updated: '2024-06-01T12:00:00Z',
    },
  ],
  last_updated: '2024-06-01T12:00:00Z',
};

// The whole Location once, then only what changes: an EVSE's status.
await client.locations.receiver.putLocation({ params: ids, body: location });
await client.locations.receiver.patchEvse({
  params: { ...ids, evse_uid: 'EVSE1' },
  body: { status: 'CHARGING', last_updated: '2024-06-01T12:05:00Z' },
});

// Read back from the eMSP: the PATCH was applied to the stored Location.
const stored = await client.locations.receiver.getLocation({ params: ids });
console.log(stored.evses?.map((evse) => `${evse.uid} ${evse.status}`)); // => [ 'EVSE1 CHARGING' ]
// The Location's own last_updated follows its EVSE's, as the spec asks of the receiver.
console.log(stored.last_updated); // => 2024-06-01T12:05:00Z

await emsp.close();
