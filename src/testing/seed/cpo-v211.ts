// A simulated OCPI 2.1.1 CPO's data, made as the 2.2.1 one (cpo-v221.ts) in the shapes of 2.1.1: no
// parties on the objects, Sessions and CDRs that carry their Location with only the EVSE and Connector
// used, the token as `auth_id` (its eMA id, as seedEmsp211 makes it), costs as plain numbers (excluding
// VAT, which 2.1.1 does not split out), and every string in printable ASCII.
import type { CDR, ChargingPeriod, Location, Session, Tariff } from '../../v211';
import { toAscii } from './ascii';
import { cpoLocationContext, cpoPlaces } from './cpo-places';
import { ASCII_COUNTRIES, location211 } from './locations-v211';
import { createRandom, streamSeed } from './random';
import type { CpoSeedOptions } from './seed-options';
import { cpoDefaults } from './seed-options';
import { byLastUpdated, isoSeconds, later, rollUpLastUpdated } from './seed-time';
import { planCdrs, planSessions, type SessionPlan, type SiteView } from './session-plans';
import { totalOf } from './tariff-cost';
import { type Money, type SeedTariff, seedTariffs } from './tariff-plans';

/** A simulated 2.1.1 CPO's data, each list sorted by `last_updated`, oldest first. */
export interface CpoData211 {
  locations: Location[];
  tariffs: Tariff[];
  sessions: Session[];
  cdrs: CDR[];
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * The data of a simulated OCPI 2.1.1 CPO, the same for the same options: hundreds of Locations, its
 * Tariffs, and Sessions and CDRs of the eMSP's drivers, all strictly valid and consistent.
 */
export function seedCpo211(options: CpoSeedOptions): CpoData211 {
  const o = cpoDefaults(options);
  const places = cpoPlaces(o.cpo, ASCII_COUNTRIES, toAscii(o.cpo.name));
  const seeds = seedTariffs(o.tariffs, places.money, createRandom(streamSeed(o.seed, 1)), o.now);
  const context = cpoLocationContext(places, seeds, o.now);
  const random = createRandom(streamSeed(o.seed, 0));
  const locations = Array.from({ length: o.locations }, (_, i) => location211(random, i + 1, context));

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

  const tariffs = seeds.map((seed) => tariffOf(seed, places.money));
  const byId = new Map(tariffs.map((tariff) => [tariff.id, tariff]));
  return {
    locations: byLastUpdated([...locations]),
    tariffs: byLastUpdated(tariffs),
    sessions: byLastUpdated(plans.map((p) => sessionOf(p, locations, places.money))),
    cdrs: byLastUpdated(cdrPlans.map((p) => cdrOf(p, locations, places.money, byId))),
  };
}

function siteOf(location: Location): SiteView {
  return {
    evses: (location.evses ?? []).map((evse) => ({
      status: evse.status,
      connectors: evse.connectors.map((connector) => ({
        powerType: connector.power_type,
        voltage: connector.voltage,
        amperage: connector.amperage,
        tariffId: connector.tariff_id,
      })),
    })),
  };
}

function tariffOf(seed: SeedTariff, money: Money): Tariff {
  return {
    id: seed.id,
    currency: money.currency,
    tariff_alt_text: [{ language: 'en', text: seed.text }],
    elements: seed.elements.map(({ price_components, restrictions }) => ({
      price_components: price_components.map((component) => ({ ...component })),
      ...(restrictions ? { restrictions: { ...restrictions } } : {}),
    })),
    last_updated: seed.last_updated,
  };
}

/** The Location as a Session or CDR carries it: with only the EVSE and the Connector used. */
function usedLocation(plan: SessionPlan, locations: readonly Location[]): Location {
  const location = locations[plan.site] as Location;
  const evse = location.evses?.[plan.evse];
  const connector = evse?.connectors[plan.connector];
  if (!evse || !connector) throw new Error('a Session at a Connector that does not exist');
  return { ...location, evses: [{ ...evse, connectors: [{ ...connector }] }] };
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
  }));
}

// 2.1.1 has no COMMAND: a start by app is an authorisation request there.
const authMethod = (plan: SessionPlan) => (plan.authMethod === 'COMMAND' ? 'AUTH_REQUEST' : plan.authMethod);

function sessionOf(plan: SessionPlan, locations: readonly Location[], money: Money): Session {
  const { charge } = plan;
  return {
    id: plan.id,
    start_datetime: isoSeconds(charge.start),
    ...(plan.active ? {} : { end_datetime: isoSeconds(charge.end) }),
    kwh: charge.wh / 1000,
    auth_id: plan.token.contractId,
    auth_method: authMethod(plan),
    location: usedLocation(plan, locations),
    currency: money.currency,
    charging_periods: periodsOf(plan),
    total_cost: totalOf(plan.cost),
    status: plan.active ? 'ACTIVE' : 'COMPLETED',
    last_updated: isoSeconds(charge.end),
  };
}

function cdrOf(
  plan: SessionPlan,
  locations: readonly Location[],
  money: Money,
  tariffs: ReadonlyMap<string, Tariff>,
): CDR {
  const { charge } = plan;
  const tariff = plan.tariff ? tariffs.get(plan.tariff.id) : undefined;
  return {
    id: plan.cdrId,
    start_date_time: isoSeconds(charge.start),
    stop_date_time: isoSeconds(charge.end),
    auth_id: plan.token.contractId,
    auth_method: authMethod(plan),
    location: usedLocation(plan, locations),
    currency: money.currency,
    ...(tariff ? { tariffs: [tariff] } : {}),
    charging_periods: periodsOf(plan),
    total_cost: totalOf(plan.cost),
    total_energy: charge.wh / 1000,
    total_time: round4((charge.chargingMinutes + charge.parkingMinutes) / 60),
    ...(charge.parkingMinutes > 0 ? { total_parking_time: round4(charge.parkingMinutes / 60) } : {}),
    last_updated: plan.cdrLastUpdated,
  };
}
