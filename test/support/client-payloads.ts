// Valid payloads for the client tests: 2.2.1 objects read from the spec examples at test time (checked
// strictly, so a bad example fails loudly) or built where the spec has none; minimal 2.1.1 objects
// built by hand (the 2.1.1 spec has no example files).
import type * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import * as z from 'zod/mini';
import { exampleOf } from './v221-payloads';

export const UPDATED = '2024-06-01T12:00:00Z';

// ---------------------------------------------------------------------------------------------------
// 2.2.1

/** The spec examples the client tests send and answer with, each parsed strictly. */
export function examples221() {
  const location = exampleOf(v221.LocationSchema, 'location_example.json');
  const evse = location.evses?.[0];
  const connector = evse?.connectors[0];
  if (!evse || !connector) throw new Error('location_example.json has no EVSE with a connector');
  return {
    versions: exampleOf(z.array(v221.VersionSchema), 'versions_info_example.json'),
    versionDetails: exampleOf(v221.VersionDetailsSchema, 'version_details_example.json'),
    credentials: exampleOf(v221.CredentialsSchema, 'credentials_example.json'),
    credentials2: exampleOf(v221.CredentialsSchema, 'credentials_example2.json'),
    location,
    location2: exampleOf(v221.LocationSchema, 'location_example_uc2_destination_charger.json'),
    evse,
    connector,
    locationPatch: exampleOf(v221.LocationPatchSchema, 'location_patch_example_location.json'),
    evsePatch: exampleOf(v221.EVSEPatchSchema, 'location_patch_example_status.json'),
    connectorPatch: exampleOf(v221.ConnectorPatchSchema, 'location_patch_example_tariff.json'),
    session: exampleOf(v221.SessionSchema, 'session_example_1_simple_start.json'),
    finishedSession: exampleOf(v221.SessionSchema, 'session_example_2_short_finished.json'),
    sessionPatch: exampleOf(v221.SessionPatchSchema, 'session_patch_example_total_cost.json'),
    cdr: exampleOf(v221.CDRSchema, 'cdr_example.json'),
    tariff: exampleOf(v221.TariffSchema, 'tariff_1_simple_2hour.json'),
    tariff2: exampleOf(v221.TariffSchema, 'tariff_8_simple_025kwh.json'),
    appUserToken: exampleOf(v221.TokenSchema, 'token_example_1_app_user.json'),
    rfidToken: exampleOf(v221.TokenSchema, 'token_put_example.json'),
    tokenPatch: exampleOf(v221.TokenPatchSchema, 'token_patch_example.json'),
  };
}

/** A ChargingProfile: 11 kW from the start, 6 kW after an hour. */
export const chargingProfile221: v221.ChargingProfile = {
  charging_rate_unit: 'W',
  charging_profile_period: [
    { start_period: 0, limit: 11000 },
    { start_period: 3600, limit: 6000 },
  ],
};

/** The HubClientInfo of a party connected to a hub. */
export function clientInfo221(
  countryCode: string,
  partyId: string,
  role: v221.Role = 'CPO',
): v221.ClientInfo {
  return { country_code: countryCode, party_id: partyId, role, status: 'CONNECTED', last_updated: UPDATED };
}

// ---------------------------------------------------------------------------------------------------
// 2.1.1

export const credentials211 = (token: string): v211.Credentials => ({
  token,
  url: 'https://emsp.example.com/ocpi/versions',
  business_details: { name: 'Example eMSP' },
  party_id: 'EMS',
  country_code: 'NL',
});

export const connector211 = (id = '1'): v211.Connector => ({
  id,
  standard: 'IEC_62196_T2',
  format: 'SOCKET',
  power_type: 'AC_3_PHASE',
  voltage: 230,
  amperage: 16,
  last_updated: UPDATED,
});

export const evse211 = (uid = 'EVSE1'): v211.EVSE => ({
  uid,
  status: 'AVAILABLE',
  connectors: [connector211()],
  last_updated: UPDATED,
});

export const location211 = (id = 'LOC1'): v211.Location => ({
  id,
  type: 'ON_STREET',
  address: 'Stationsplein 1',
  city: 'Utrecht',
  postal_code: '3511ED',
  country: 'NLD',
  coordinates: { latitude: '52.089444', longitude: '5.110278' },
  evses: [evse211()],
  last_updated: UPDATED,
});

export const session211 = (id = 'SES1'): v211.Session => ({
  id,
  start_datetime: '2024-06-01T10:00:00Z',
  kwh: 0,
  auth_id: 'DE8ACC12E46L89',
  auth_method: 'WHITELIST',
  location: location211(),
  currency: 'EUR',
  status: 'ACTIVE',
  last_updated: UPDATED,
});

export const tariff211 = (id = 'TAR1'): v211.Tariff => ({
  id,
  currency: 'EUR',
  elements: [{ price_components: [{ type: 'TIME', price: 2, step_size: 300 }] }],
  last_updated: UPDATED,
});

export const cdr211 = (id = 'CDR1'): v211.CDR => ({
  id,
  start_date_time: '2024-06-01T10:00:00Z',
  stop_date_time: '2024-06-01T11:00:00Z',
  auth_id: 'DE8ACC12E46L89',
  auth_method: 'WHITELIST',
  location: location211(),
  currency: 'EUR',
  charging_periods: [
    { start_date_time: '2024-06-01T10:00:00Z', dimensions: [{ type: 'ENERGY', volume: 12 }] },
  ],
  total_cost: 4,
  total_energy: 12,
  total_time: 1,
  last_updated: UPDATED,
});

export const token211 = (uid = '012345678'): v211.Token => ({
  uid,
  type: 'RFID',
  auth_id: 'DE8ACC12E46L89',
  issuer: 'Example eMSP',
  valid: true,
  whitelist: 'ALLOWED',
  last_updated: UPDATED,
});
