// A simulated OCPI 2.2.1 CPO's data: Locations, Tariffs, Sessions and CDRs that fit together. Every
// Connector names one of the Tariffs; every Session is at an existing Location, EVSE and Connector, of
// a token of the eMSP (the ones seedEmsp221 makes for it); every CDR's totals are its charging periods'
// sums and its costs what its tariff gives. Each list is sorted by last_updated, oldest first.
import type { CDR, CdrToken, ChargingPeriod, Location, Price, Session, Tariff } from '../../v221';
import { cpoLocationContext, cpoPlaces } from './cpo-places';
import { location221 } from './locations-v221';
import { COUNTRIES } from './places';
import { createRandom, streamSeed } from './random';
import type { CpoSeedOptions } from './seed-options';
import { cpoDefaults } from './seed-options';
import { byLastUpdated, isoSeconds, later, rollUpLastUpdated } from './seed-time';
import { planCdrs, planSessions, type SessionPlan, type SiteView } from './session-plans';
import { totalOf, withVat } from './tariff-cost';
import { type Money, type SeedTariff, seedTariffs } from './tariff-plans';

/** A simulated 2.2.1 CPO's data, each list sorted by `last_updated`, oldest first. */
export interface CpoData221 {
  locations: Location[];
  tariffs: Tariff[];
  sessions: Session[];
  cdrs: CDR[];
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * The data of a simulated OCPI 2.2.1 CPO, the same for the same options: hundreds of Locations in the
 * CPO's country (or, for a country the data has no places in, seven European ones), its Tariffs, and
 * Sessions and CDRs of the eMSP's drivers, all strictly valid and belonging to `options.cpo`.
 */
export function seedCpo221(options: CpoSeedOptions): CpoData221 {
  const o = cpoDefaults(options);
  const places = cpoPlaces(o.cpo, COUNTRIES, o.cpo.name);
  const seeds = seedTariffs(o.tariffs, places.money, createRandom(streamSeed(o.seed, 1)), o.now);
  const context = cpoLocationContext(places, seeds, o.now);
  const random = createRandom(streamSeed(o.seed, 0));
  const locations = Array.from({ length: o.locations }, (_, i) => location221(random, i + 1, context));

  const plan = { sites: locations.map(siteOf), tariffs: seeds, emsp: o.emsp, now: o.now };
  const sessionRandom = createRandom(streamSeed(o.seed, 2));
  const plans = planSessions(sessionRandom, o.sessions, plan);
  const cdrPlans = planCdrs(sessionRandom, o.cdrs, plans, plan);
  for (const session of plans.filter(({ active }) => active)) {
    const evse = locations[session.site]?.evses?.[session.evse];
    if (evse) {
      evse.status = 'CHARGING';
      evse.last_updated = later(evse.last_updated, isoSeconds(session.charge.start));
    }
  }
  for (const location of locations) rollUpLastUpdated(location);

  const tariffs = seeds.map((seed) => tariffOf(seed, o.cpo, places.money));
  const byId = new Map(tariffs.map((tariff) => [tariff.id, tariff]));
  const session = (p: SessionPlan) => sessionOf(p, locations, o, places.money);
  return {
    locations: byLastUpdated([...locations]),
    tariffs: byLastUpdated(tariffs),
    sessions: byLastUpdated(plans.map(session)),
    cdrs: byLastUpdated(cdrPlans.map((p) => cdrOf(p, locations, o, places.money, byId))),
  };
}

function siteOf(location: Location): SiteView {
  return {
    evses: (location.evses ?? []).map((evse) => ({
      status: evse.status,
      connectors: evse.connectors.map((connector) => ({
        powerType: connector.power_type,
        voltage: connector.max_voltage,
        amperage: connector.max_amperage,
        tariffId: connector.tariff_ids?.[0],
      })),
    })),
  };
}

function tariffOf(seed: SeedTariff, cpo: { countryCode: string; partyId: string }, money: Money): Tariff {
  return {
    country_code: cpo.countryCode,
    party_id: cpo.partyId,
    id: seed.id,
    currency: money.currency,
    type: seed.type,
    tariff_alt_text: [{ language: 'en', text: seed.text }],
    elements: seed.elements.map(({ price_components, restrictions }) => ({
      price_components: price_components.map((component) => ({ ...component, vat: money.vat })),
      ...(restrictions ? { restrictions: { ...restrictions } } : {}),
    })),
    last_updated: seed.last_updated,
  };
}

function price(amount: number, money: Money): Price {
  return { excl_vat: amount, incl_vat: withVat(amount, money.vat) };
}

function periodsOf(plan: SessionPlan): ChargingPeriod[] {
  return plan.charge.periods.map((period) => ({
    start_date_time: isoSeconds(period.start),
    dimensions: period.parking
      ? [{ type: 'PARKING_TIME', volume: round4(period.minutes / 60) }]
      : [
          { type: 'ENERGY', volume: period.wh / 1000 },
          { type: 'TIME', volume: round4(period.minutes / 60) },
        ],
    ...(plan.tariff ? { tariff_id: plan.tariff.id } : {}),
  }));
}

function tokenOf(plan: SessionPlan, emsp: { countryCode: string; partyId: string }): CdrToken {
  return {
    country_code: emsp.countryCode,
    party_id: emsp.partyId,
    uid: plan.token.uid,
    type: plan.token.app ? 'APP_USER' : 'RFID',
    contract_id: plan.token.contractId,
  };
}

type Parties = {
  cpo: { countryCode: string; partyId: string };
  emsp: { countryCode: string; partyId: string };
};

function sessionOf(plan: SessionPlan, locations: readonly Location[], o: Parties, money: Money): Session {
  const location = locations[plan.site] as Location;
  const evse = location.evses?.[plan.evse];
  const connector = evse?.connectors[plan.connector];
  const { charge } = plan;
  return {
    country_code: o.cpo.countryCode,
    party_id: o.cpo.partyId,
    id: plan.id,
    start_date_time: isoSeconds(charge.start),
    ...(plan.active ? {} : { end_date_time: isoSeconds(charge.end) }),
    kwh: charge.wh / 1000,
    cdr_token: tokenOf(plan, o.emsp),
    auth_method: plan.authMethod,
    ...(plan.authorizationReference ? { authorization_reference: plan.authorizationReference } : {}),
    location_id: location.id,
    evse_uid: evse?.uid ?? '',
    connector_id: connector?.id ?? '',
    currency: money.currency,
    charging_periods: periodsOf(plan),
    total_cost: price(totalOf(plan.cost), money),
    status: plan.active ? 'ACTIVE' : 'COMPLETED',
    last_updated: isoSeconds(charge.end),
  };
}

function cdrOf(
  plan: SessionPlan,
  locations: readonly Location[],
  o: Parties,
  money: Money,
  tariffs: ReadonlyMap<string, Tariff>,
): CDR {
  const location = locations[plan.site] as Location;
  const evse = location.evses?.[plan.evse];
  const connector = evse?.connectors[plan.connector];
  if (!evse || !connector) throw new Error('a CDR at a Connector that does not exist');
  const { charge, cost } = plan;
  const tariff = plan.tariff ? tariffs.get(plan.tariff.id) : undefined;
  return {
    country_code: o.cpo.countryCode,
    party_id: o.cpo.partyId,
    id: plan.cdrId,
    start_date_time: isoSeconds(charge.start),
    end_date_time: isoSeconds(charge.end),
    ...(plan.listed ? { session_id: plan.id } : {}),
    cdr_token: tokenOf(plan, o.emsp),
    auth_method: plan.authMethod,
    ...(plan.authorizationReference ? { authorization_reference: plan.authorizationReference } : {}),
    cdr_location: {
      id: location.id,
      name: location.name,
      address: location.address,
      city: location.city,
      ...(location.postal_code ? { postal_code: location.postal_code } : {}),
      ...(location.state ? { state: location.state } : {}),
      country: location.country,
      coordinates: location.coordinates,
      evse_uid: evse.uid,
      evse_id: evse.evse_id ?? evse.uid,
      connector_id: connector.id,
      connector_standard: connector.standard,
      connector_format: connector.format,
      connector_power_type: connector.power_type,
    },
    currency: money.currency,
    ...(tariff ? { tariffs: [tariff] } : {}),
    charging_periods: periodsOf(plan),
    total_cost: price(totalOf(cost), money),
    ...(cost.fixed > 0 ? { total_fixed_cost: price(cost.fixed, money) } : {}),
    total_energy: charge.wh / 1000,
    ...(cost.energy > 0 ? { total_energy_cost: price(cost.energy, money) } : {}),
    total_time: round4((charge.chargingMinutes + charge.parkingMinutes) / 60),
    ...(cost.time > 0 ? { total_time_cost: price(cost.time, money) } : {}),
    ...(charge.parkingMinutes > 0 ? { total_parking_time: round4(charge.parkingMinutes / 60) } : {}),
    ...(cost.parking > 0 ? { total_parking_cost: price(cost.parking, money) } : {}),
    last_updated: plan.cdrLastUpdated,
  };
}
