// OCPI 2.2.1 Locations: 2 to 4 EVSEs each, 1 to 3 Connectors per EVSE, names and addresses with
// non-ASCII text (Straße, Genève, Łódź...); some have opening times, images, an energy mix, directions
// or related locations. Every value is valid in strict mode. `buildLocationPage` makes the benchmark's
// page, as a hub would return it: Locations of seven CPOs, about 2.6 kB of compact JSON each.
import type { Connector, EVSE, Hours, Location, ParkingType } from '../../v221';
import {
  CAPABILITIES,
  coordinate,
  currentKind,
  energyMix,
  evseOf,
  FACILITIES,
  image,
  type LocationContext,
  type Plug,
  regularHours,
  timestamp,
} from './location-parts';
import { type City, COUNTRIES, type Country } from './places';
import { createRandom, type Random } from './random';

const PARKING_TYPES: readonly ParkingType[] = [
  'PARKING_GARAGE',
  'PARKING_LOT',
  'ON_STREET',
  'UNDERGROUND_GARAGE',
];

function openingTimes(random: Random): Hours {
  if (random.chance(0.3)) return { twentyfourseven: true };
  return { twentyfourseven: false, ...regularHours(random) };
}

function connector(
  random: Random,
  context: LocationContext,
  plug: Plug,
  index: number,
  country: Country,
): Connector {
  const [standard, format, power_type, max_voltage, max_amperage, max_electric_power] = plug;
  const kind = currentKind(power_type);
  return {
    id: String(index + 1),
    standard,
    format,
    power_type,
    max_voltage,
    max_amperage,
    ...(random.chance(0.7) ? { max_electric_power } : {}),
    ...(random.chance(context.tariffShare) ? { tariff_ids: [context.tariffId(random, country, kind)] } : {}),
    ...(random.chance(0.05) ? { terms_and_conditions: `${country.website}/agb/${kind.toLowerCase()}` } : {}),
    last_updated: context.timestamp(random),
  };
}

function evse(
  random: Random,
  context: LocationContext,
  country: Country,
  city: City,
  locationNumber: number,
  index: number,
): EVSE {
  return evseOf(random, context, country, city, locationNumber, index, CAPABILITIES, (plug, i) =>
    connector(random, context, plug, i, country),
  );
}

/** The `number`th OCPI 2.2.1 Location (from 1), of the party of the country `context` gives. */
export function location221(random: Random, number: number, context: LocationContext): Location {
  const country = context.country(random);
  const city = random.pick(country.cities);
  const id = country.uuids ? random.uuid() : `LOC${String(number).padStart(6, '0')}`;
  const operator = {
    name: country.operator,
    website: country.website,
    ...(random.chance(0.1) ? { logo: image(random, `operators/${country.partyId}`, 0) } : {}),
  };
  return {
    country_code: country.code,
    party_id: country.partyId,
    id,
    publish: random.chance(0.95),
    name: `${random.pick(country.places)} ${city.name}`,
    address: `${random.pick(country.streets)} ${random.int(1, 240)}`,
    city: city.name,
    postal_code: city.postalCode,
    ...(city.state !== undefined && random.chance(0.5) ? { state: city.state } : {}),
    country: country.iso3,
    coordinates: {
      latitude: coordinate(city.latitude, random),
      longitude: coordinate(city.longitude, random),
    },
    ...(random.chance(0.05)
      ? {
          related_locations: [
            {
              latitude: coordinate(city.latitude, random),
              longitude: coordinate(city.longitude, random),
              name: { language: country.language, text: 'Einfahrt / Entrance' },
            },
          ],
        }
      : {}),
    ...(random.chance(0.7) ? { parking_type: random.pick(PARKING_TYPES) } : {}),
    evses: Array.from({ length: random.int(2, 4) }, (_, i) =>
      evse(random, context, country, city, number, i),
    ),
    ...(random.chance(0.25)
      ? { directions: [{ language: country.language, text: random.pick(country.directions) }] }
      : {}),
    operator,
    ...(random.chance(0.3) ? { owner: { name: `${random.pick(country.places)} ${city.name}` } } : {}),
    ...(random.chance(0.5) ? { facilities: random.some(FACILITIES, 1, 3) } : {}),
    time_zone: country.timeZone,
    ...(random.chance(0.4) ? { opening_times: openingTimes(random) } : {}),
    ...(random.chance(0.2) ? { charging_when_closed: random.chance(0.5) } : {}),
    ...(random.chance(0.1)
      ? { images: Array.from({ length: random.int(1, 3) }, (_, i) => image(random, `locations/${id}`, i)) }
      : {}),
    ...(random.chance(0.2) ? { energy_mix: energyMix(random, country) } : {}),
    last_updated: context.timestamp(random),
  };
}

/**
 * The benchmark's page: Locations of the seven countries' CPOs, 60% of the Connectors with one of three
 * tariff ids of their CPO, updated from 2023 to mid-2025.
 */
export function pageContext(countries: readonly Country[]): LocationContext {
  return {
    country: (random) => random.pick(countries),
    tariffShare: 0.6,
    tariffId: (random, country, kind) =>
      `${country.code}-${country.partyId}-${kind}-${random.pick(['STD', 'NIGHT', 'FLEX'])}`,
    timestamp,
  };
}

/** A page of `count` OCPI 2.2.1 Locations of seven CPOs, the same for the same seed (the benchmark's). */
export function buildLocationPage(count = 1_000, seed = 2_2_1): Location[] {
  const random = createRandom(seed);
  const context = pageContext(COUNTRIES);
  return Array.from({ length: count }, (_, i) => location221(random, i + 1, context));
}
