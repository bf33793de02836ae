// The pieces of a Location that OCPI 2.1.1 and 2.2.1 share (EVSEs, opening hours, images, energy mix,
// plugs), and what a Location generator is told about the data it makes (LocationContext): the
// benchmark's pages spread over seven CPOs, a simulated CPO's Locations all belong to that CPO.
import type {
  Capability,
  ConnectorFormat,
  ConnectorType,
  EnergyMix,
  Facility,
  Image,
  ImageCategory,
  ParkingRestriction,
  PowerType,
  Status,
} from '../../v221';
import type { Country } from './places';
import type { Random } from './random';

/** AC or DC: what a Connector's tariff is chosen by. */
export type CurrentKind = 'AC' | 'DC';

/** What a Location generator takes from its caller, besides the PRNG. */
export interface LocationContext {
  /** The country (and so the party, `code` and `partyId`) of the next Location. */
  country: (random: Random) => Country;
  /** The share of Connectors that name a tariff. */
  tariffShare: number;
  /** The id of the tariff of a Connector of this kind. */
  tariffId: (random: Random, country: Country, kind: CurrentKind) => string;
  /** A `last_updated` value. */
  timestamp: (random: Random) => string;
}

/** The Facility values both versions could use (2.1.1 lacks PARKING_LOT). */
export const FACILITIES: readonly Facility[] = [
  'HOTEL',
  'RESTAURANT',
  'CAFE',
  'MALL',
  'SUPERMARKET',
  'WIFI',
  'PARKING_LOT',
];
/** The Capability values both versions could use (2.1.1 lacks CONTACTLESS_CARD_SUPPORT). */
export const CAPABILITIES: readonly Capability[] = [
  'CHARGING_PROFILE_CAPABLE',
  'CONTACTLESS_CARD_SUPPORT',
  'CREDIT_CARD_PAYABLE',
  'REMOTE_START_STOP_CAPABLE',
  'RESERVABLE',
  'RFID_READER',
  'UNLOCK_CAPABLE',
];
const STATUSES: readonly Status[] = [
  'AVAILABLE',
  'AVAILABLE',
  'AVAILABLE',
  'CHARGING',
  'CHARGING',
  'OUTOFORDER',
  'UNKNOWN',
];
const RESTRICTIONS: readonly ParkingRestriction[] = ['EV_ONLY', 'CUSTOMERS', 'DISABLED'];
const IMAGE_CATEGORIES: readonly ImageCategory[] = ['CHARGER', 'ENTRANCE', 'LOCATION', 'OPERATOR'];

/** A plug: its standard, format, power type, voltage (V), amperage (A) and power (W). */
export type Plug = [
  ConnectorType,
  ConnectorFormat,
  PowerType,
  voltage: number,
  amperage: number,
  power: number,
];
const AC_PLUGS: readonly Plug[] = [
  ['IEC_62196_T2', 'SOCKET', 'AC_3_PHASE', 400, 32, 22_000],
  ['IEC_62196_T2', 'SOCKET', 'AC_3_PHASE', 400, 16, 11_000],
  ['DOMESTIC_F', 'SOCKET', 'AC_1_PHASE', 230, 16, 3_680],
];
const DC_PLUGS: readonly Plug[] = [
  ['IEC_62196_T2_COMBO', 'CABLE', 'DC', 920, 500, 300_000],
  ['CHADEMO', 'CABLE', 'DC', 500, 125, 50_000],
  ['IEC_62196_T2', 'CABLE', 'AC_3_PHASE', 400, 63, 43_000],
];

// 2023-01-01T00:00:00Z and the time up to 2025-06-30T00:00:00Z, as numbers: no call at import time.
const FROM = 1_672_531_200_000;
const SPAN = 1_751_241_600_000 - FROM;

/** A valid OCPI DateTime from 2023 to mid-2025: whole seconds, sometimes milliseconds, always `Z`. */
export function timestamp(random: Random): string {
  const iso = new Date(FROM + Math.floor(random.next() * SPAN)).toISOString();
  return random.chance(0.1) ? iso : `${iso.slice(0, 19)}Z`;
}

/** A coordinate near `value` (within 0.05 degrees), with the 6 decimals both versions accept. */
export function coordinate(value: number, random: Random): string {
  return (value + (random.next() - 0.5) * 0.1).toFixed(6);
}

/** The `index`th image of the thing at `path`. */
export function image(random: Random, path: string, index: number): Image {
  const url = `https://images.example-cpo.com/${path}/${index}.jpg`;
  return {
    url,
    ...(random.chance(0.5) ? { thumbnail: url.replace('.jpg', '_thumb.jpg') } : {}),
    category: random.pick(IMAGE_CATEGORIES),
    type: 'jpeg',
    width: 1920,
    height: 1080,
  };
}

/** Opening hours on six or seven days, sometimes closed over Christmas: the same in 2.1.1 and 2.2.1. */
export function regularHours(random: Random) {
  const open = random.pick(['06:00', '07:00', '08:00']);
  const close = random.pick(['20:00', '21:30', '22:00']);
  const weekdays = random.chance(0.5) ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5, 6, 7];
  return {
    regular_hours: weekdays.map((weekday) => ({ weekday, period_begin: open, period_end: close })),
    ...(random.chance(0.3)
      ? {
          exceptional_closings: [
            { period_begin: '2024-12-25T00:00:00Z', period_end: '2024-12-27T00:00:00Z' },
          ],
        }
      : {}),
  };
}

/** A green energy mix from the country's supplier (2.2.1 shape; 2.1.1 renames the impacts' key). */
export function energyMix(random: Random, country: Country): EnergyMix {
  const solar = random.int(10, 60);
  return {
    is_green_energy: true,
    energy_sources: [
      { source: 'SOLAR', percentage: solar },
      { source: 'WIND', percentage: 100 - solar - 5.5 },
      { source: 'WATER', percentage: 5.5 },
    ],
    environ_impact: [
      { category: 'CARBON_DIOXIDE', amount: 0 },
      { category: 'NUCLEAR_WASTE', amount: 0 },
    ],
    supplier_name: country.energy.supplier,
    energy_product_name: country.energy.product,
  };
}

/**
 * An EVSE as both versions have it. What differs between them comes in: the Capability values to pick
 * from, and `makeConnector`, which builds the `index`th Connector for its plug.
 */
export function evseOf<K extends string, C>(
  random: Random,
  context: LocationContext,
  country: Country,
  city: { latitude: number; longitude: number },
  locationNumber: number,
  index: number,
  capabilities: readonly K[],
  makeConnector: (plug: Plug, index: number) => C,
) {
  const plugs = random.chance(0.35) ? DC_PLUGS : AC_PLUGS;
  const connectorCount = random.int(1, 3);
  const uid = country.uuids ? random.uuid() : `${locationNumber}-${index + 1}`;
  return {
    uid,
    evse_id: `${country.code}*${country.partyId}*E${String(locationNumber).padStart(6, '0')}*${index + 1}`,
    status: random.pick(STATUSES),
    ...(random.chance(0.03)
      ? {
          status_schedule: [
            {
              period_begin: '2025-07-01T06:00:00Z',
              period_end: '2025-07-03T18:00:00Z',
              status: 'INOPERATIVE' as const,
            },
          ],
        }
      : {}),
    ...(random.chance(0.6) ? { capabilities: random.some(capabilities, 2, 4) } : {}),
    connectors: Array.from({ length: connectorCount }, (_, i) =>
      makeConnector(plugs[i % plugs.length] as Plug, i),
    ),
    ...(random.chance(0.25) ? { floor_level: random.pick(['-2', '-1', '0', '1']) } : {}),
    ...(random.chance(0.15)
      ? {
          coordinates: {
            latitude: coordinate(city.latitude, random),
            longitude: coordinate(city.longitude, random),
          },
        }
      : {}),
    ...(random.chance(0.4) ? { physical_reference: `${random.pick(['A', 'B', 'P'])}${index + 1}` } : {}),
    ...(random.chance(0.15) ? { parking_restrictions: random.some(RESTRICTIONS, 1, 2) } : {}),
    ...(random.chance(0.05) ? { images: [image(random, `evses/${uid}`, 1)] } : {}),
    last_updated: context.timestamp(random),
  };
}

/** The tariff kind of a power type: DC for DC, AC for any AC. */
export function currentKind(powerType: string): CurrentKind {
  return powerType === 'DC' ? 'DC' : 'AC';
}
