// The Sessions and CDRs of a simulated CPO before they take a version's shape: which Connector, which
// of the eMSP's tokens, how the charge went and what it cost. One in eight Sessions is ACTIVE (still
// charging at `now`); the others are COMPLETED and get a CDR, the earliest finished first.
import { type Charge, chargingPower, connectorKw, simulateCharge } from './charging';
import type { Random } from './random';
import type { SeedParty } from './seed-options';
import { DATA_WINDOW_DAYS, days, isoSeconds, SESSION_WINDOW_DAYS } from './seed-time';
import { billingBoundaries, type Cost, costOf } from './tariff-cost';
import type { SeedTariff } from './tariff-plans';
import { DRIVERS, type TokenIdentity, tokenIdentity } from './token-identity';

/** What the planning needs of a Location, in either version. */
export interface SiteView {
  evses: {
    status: string;
    connectors: { powerType: string; voltage: number; amperage: number; tariffId: string | undefined }[];
  }[];
}

/** A charge of one of the eMSP's drivers at one of the CPO's Connectors. */
export interface SessionPlan {
  id: string;
  active: boolean;
  /** Whether it is among the listed Sessions (a CDR beyond them is of an older, unlisted one). */
  listed: boolean;
  site: number;
  evse: number;
  connector: number;
  tariff: SeedTariff | undefined;
  token: TokenIdentity;
  authMethod: 'AUTH_REQUEST' | 'WHITELIST' | 'COMMAND';
  authorizationReference: string | undefined;
  charge: Charge;
  cost: Cost;
  cdrId: string;
  cdrLastUpdated: string;
}

interface PlanContext {
  sites: readonly SiteView[];
  tariffs: readonly SeedTariff[];
  emsp: SeedParty;
  now: number;
}

/** The listed Sessions, in the order they were made. */
export function planSessions(random: Random, count: number, context: PlanContext): SessionPlan[] {
  if (count > 0 && context.sites.length === 0) throw new RangeError('Sessions need at least one Location');
  const drivers = validDrivers(context.emsp);
  const busy = new Set<string>();
  const from = context.now - days(SESSION_WINDOW_DAYS);
  return Array.from({ length: count }, (_, index) =>
    planCharge(
      random,
      { active: index % 8 === 1, listed: true, from, to: context.now },
      context,
      drivers,
      busy,
    ),
  );
}

/**
 * The charges that have a CDR: the COMPLETED Sessions that finished first, then, when more are asked
 * for, older ones that are no longer listed.
 */
export function planCdrs(
  random: Random,
  count: number | undefined,
  sessions: readonly SessionPlan[],
  context: PlanContext,
): SessionPlan[] {
  const completed = sessions.filter((plan) => !plan.active).sort((a, b) => a.charge.end - b.charge.end);
  const wanted = count ?? completed.length;
  const chosen = completed.slice(0, wanted);
  if (chosen.length < wanted && context.sites.length === 0)
    throw new RangeError('CDRs need at least one Location');
  const drivers = validDrivers(context.emsp);
  const window = {
    active: false,
    listed: false,
    from: context.now - days(DATA_WINDOW_DAYS),
    to: context.now - days(SESSION_WINDOW_DAYS),
  };
  while (chosen.length < wanted) chosen.push(planCharge(random, window, context, drivers, new Set()));
  return chosen;
}

function validDrivers(emsp: SeedParty): TokenIdentity[] {
  return Array.from({ length: DRIVERS }, (_, index) => tokenIdentity(emsp, index)).filter(
    ({ valid }) => valid,
  );
}

function planCharge(
  random: Random,
  when: { active: boolean; listed: boolean; from: number; to: number },
  context: PlanContext,
  drivers: readonly TokenIdentity[],
  busy: Set<string>,
): SessionPlan {
  const { sites, now } = context;
  let site = 0;
  let evse = 0;
  // An ACTIVE Session takes a free EVSE when one is found: the EVSE is then marked CHARGING.
  for (let attempt = 0; attempt < 20; attempt++) {
    site = random.int(0, sites.length - 1);
    evse = random.int(0, (sites[site]?.evses.length ?? 1) - 1);
    const free = sites[site]?.evses[evse]?.status === 'AVAILABLE' && !busy.has(`${site}/${evse}`);
    if (!when.active || free) break;
  }
  if (when.active) busy.add(`${site}/${evse}`);
  const connectors = sites[site]?.evses[evse]?.connectors ?? [];
  const connector = random.int(0, connectors.length - 1);
  const plug = connectors[connector];
  if (!plug) throw new Error('a Location without EVSEs or Connectors');
  const tariff = context.tariffs.find(({ id }) => id === plug.tariffId);
  const token = random.pick(drivers);
  const authMethod = token.app ? 'COMMAND' : random.chance(0.6) ? 'WHITELIST' : 'AUTH_REQUEST';
  const powerKw = chargingPower(
    random,
    plug.powerType,
    connectorKw(plug.powerType, plug.voltage, plug.amperage),
  );
  const charge = simulateCharge(random, {
    powerKw,
    dc: plug.powerType === 'DC',
    active: when.active,
    now,
    from: when.from,
    to: when.to,
    boundaries: billingBoundaries(tariff?.elements ?? []),
  });
  return {
    id: random.uuid(),
    active: when.active,
    listed: when.listed,
    site,
    evse,
    connector,
    tariff,
    token,
    authMethod,
    authorizationReference: authMethod === 'WHITELIST' ? undefined : random.uuid().slice(0, 18).toUpperCase(),
    charge,
    cost: costOf(tariff?.elements ?? [], { ...charge }),
    cdrId: random.uuid(),
    cdrLastUpdated: isoSeconds(Math.min(now, charge.end + random.int(1, 30) * 60_000)),
  };
}
