// Types only: `import type` leaves nothing of the SDK in the bundle, and tsc still checks every field.
import type { Connector, Location } from '@org/ocpi/v221';

/** One line for a map's side panel: where it is, and how many of its EVSEs are free. */
function describeLocation(location: Location): string {
  const evses = location.evses ?? [];
  const free = evses.filter((evse) => evse.status === 'AVAILABLE').length;
  return `${location.name ?? location.address}, ${location.city}: ${free} of ${evses.length} free`;
}

// In a front end this comes from your own API, which validated it on the server.
const type2: Connector = {
  id: '1',
  standard: 'IEC_62196_T2',
  format: 'SOCKET',
  power_type: 'AC_3_PHASE',
  max_voltage: 230,
  max_amperage: 32,
  last_updated: '2024-06-01T12:00:00Z',
};
const fromApi: Location = {
  country_code: 'NL',
  party_id: 'CPO',
  id: 'LOC1',
  publish: true,
  name: 'Utrecht Centraal',
  address: 'Stationsplein 1',
  city: 'Utrecht',
  country: 'NLD',
  coordinates: { latitude: '52.089444', longitude: '5.110278' },
  time_zone: 'Europe/Amsterdam',
  evses: [
    { uid: 'E1', status: 'AVAILABLE', connectors: [type2], last_updated: '2024-06-01T12:00:00Z' },
    { uid: 'E2', status: 'CHARGING', connectors: [type2], last_updated: '2024-06-01T12:00:00Z' },
  ],
  last_updated: '2024-06-01T12:00:00Z',
};
console.log(describeLocation(fromApi)); // => Utrecht Centraal, Utrecht: 1 of 2 free
