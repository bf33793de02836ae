// Where a simulated CPO's Locations are and what they are told: the countries' data with the CPO's
// party and name in place of the fictional operators', its tariffs on every Connector, and recent
// timestamps.
import type { CurrentKind, LocationContext } from './location-parts';
import type { Country } from './places';
import type { SeedParty } from './seed-options';
import { recentTimestamp } from './seed-time';
import type { Money, SeedTariff } from './tariff-plans';

/** A CPO's places: the countries it has Locations in and what it charges in. */
export interface CpoPlaces {
  countries: Country[];
  money: Money;
}

/**
 * The places of `cpo`: its own country when the data has it (all Locations there), otherwise all seven.
 * `name` is the operator's name as the version can spell it.
 */
export function cpoPlaces(cpo: SeedParty, countries: readonly Country[], name: string): CpoPlaces {
  const website = `https://www.${cpo.partyId.toLowerCase()}-${cpo.countryCode.toLowerCase()}.example.com`;
  const home = countries.find((country) => country.code === cpo.countryCode.toUpperCase());
  const own = (home ? [home] : countries).map((country) => ({
    ...country,
    code: cpo.countryCode,
    partyId: cpo.partyId,
    operator: name,
    website,
  }));
  return { countries: own, money: home ?? { currency: 'EUR', vat: 20, perEuro: 1 } };
}

/** What the Location generators are told for a CPO: its places, its tariffs, times before `now`. */
export function cpoLocationContext(
  places: CpoPlaces,
  tariffs: readonly SeedTariff[],
  now: number,
): LocationContext {
  const ids = (kind: CurrentKind) => tariffs.filter((tariff) => tariff.kind === kind).map(({ id }) => id);
  const all = tariffs.map(({ id }) => id);
  const byKind = { AC: ids('AC'), DC: ids('DC') };
  const [only] = places.countries;
  return {
    country: (random) => (places.countries.length === 1 && only ? only : random.pick(places.countries)),
    tariffShare: tariffs.length > 0 ? 1 : 0,
    tariffId: (random, _country, kind) => random.pick(byKind[kind].length > 0 ? byKind[kind] : all),
    timestamp: (random) => recentTimestamp(random, now),
  };
}
