import { parsePayload } from '@org/ocpi';
import { LocationSchema } from '@org/ocpi/v221';

// What a real partner sends: an extra field, a null, an offset timestamp, a connector type from the future.
const body = {
  country_code: 'BE',
  party_id: 'BEC',
  id: 'LOC1',
  publish: true,
  address: 'Ferdinand Lousbergskaai 2',
  city: 'Gent',
  country: 'BEL',
  coordinates: { latitude: '51.047599', longitude: '3.729944' },
  time_zone: 'Europe/Brussels',
  parking_type: null,
  vendor_rating: 5,
  evses: [
    {
      uid: '3256',
      status: 'AVAILABLE',
      connectors: [
        {
          id: '1',
          standard: 'MCS',
          format: 'CABLE',
          power_type: 'DC',
          max_voltage: 1000,
          max_amperage: 3000,
          last_updated: '2024-06-01T14:00:00+02:00',
        },
      ],
      last_updated: '2024-06-01T12:00:00Z',
    },
  ],
  last_updated: '2024-06-01T12:00:00Z',
};

console.log(parsePayload(LocationSchema, body, { mode: 'strict', subject: 'Location' }).success); // => false

const lenient = parsePayload(LocationSchema, body, { mode: 'lenient', subject: 'Location' });
if (lenient.success) {
  for (const issue of lenient.issues) console.log(`${issue.action} ${issue.path}`);
  // => dropped parking_type
  // => kept evses[0].connectors[0].standard
  // => normalised evses[0].connectors[0].last_updated
  // => dropped vendor_rating
  console.log(lenient.data.evses?.[0]?.connectors[0]?.last_updated); // => 2024-06-01T12:00:00Z
}
