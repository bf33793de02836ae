import type { OcpiVersion } from '../common/protocol/version';
import { formatUtcDateTime } from '../common/schema/primitives/utc-date-time-format';
import { createOcpiHandler } from '../server/platform/create-ocpi-handler';
import { OcpiRefusal } from '../server/platform/ocpi-refusal';
import { serveVersion as serveVersion211 } from '../v211/serve-version';
import { serveVersion as serveVersion221 } from '../v221/serve-version';
import { sendLater } from './async-results';
import { listOf } from './list-of';
import { ObjectStore } from './object-store';
import { type CpoData211, type CpoData221, seedCpo211, seedCpo221 } from './seed';
import {
  type PartyBasis,
  partyBasis,
  type SimulatedParty,
  type SimulatedPartyOptions,
  serviceParty,
  serviceRoles,
  simulated,
} from './simulated-party';

// The simulated parties are one implementation for both versions: the objects differ between them, the
// protocol the handler does, and what the party does with the objects (keep, find, list) does not.
// Their module maps are checked by the handler at run time and typed loosely here.
type Loose = Record<string, unknown>;
type Call = {
  params: Record<string, string>;
  query: Loose;
  body: Loose;
  partner: Parameters<typeof sendLater>[2];
};

/** Options of {@link simulatedCpo}: those of every party, and how much data it holds. */
export interface SimulatedCpoOptions extends SimulatedPartyOptions {
  /** How many Locations. Default 300. */
  locations?: number;
  /** How many Sessions (CDRs for the completed ones). Default 120. */
  sessions?: number;
}

/** What a simulated CPO holds: its seeded data, and what partners sent it. */
export type CpoState = (CpoData221 | CpoData211) & {
  /** Tokens eMSPs pushed, by `COUNTRY/PARTY/UID`. */
  readonly tokens: ObjectStore<Loose>;
  /** Every command taken, in order. */
  readonly commands: { readonly command: string; readonly body: unknown }[];
  /** 2.2.1: charging profiles set, by session id. */
  readonly chargingProfiles: ObjectStore<unknown>;
};

/**
 * A simulated CPO of either version: seeded Locations, Tariffs, Sessions and CDRs served as lists and
 * objects, Tokens taken from eMSPs, commands (and in 2.2.1 charging profiles) accepted at once with their
 * results sent later to the request's `response_url`, and the credentials handshake.
 */
export async function simulatedCpo(options: SimulatedCpoOptions): Promise<SimulatedParty<CpoState>> {
  const basis = await partyBasis('CPO', options);
  const seedOptions = {
    seed: options.seed ?? 1,
    cpo: basis.party,
    emsp: basis.counterParty,
    ...(options.locations !== undefined && { locations: options.locations }),
    ...(options.sessions !== undefined && { sessions: options.sessions }),
  };
  const data = options.version === '2.2.1' ? seedCpo221(seedOptions) : seedCpo211(seedOptions);
  const state: CpoState = {
    ...data,
    tokens: new ObjectStore(),
    commands: [],
    chargingProfiles: new ObjectStore(),
  };
  const modules = cpoModules(basis, state, options.version);
  const service =
    options.version === '2.2.1'
      ? serveVersion221({ roles: serviceRoles(basis, 'CPO'), modules: modules as never })
      : serveVersion211({ ...serviceParty(basis), modules: modules as never });
  const handle = createOcpiHandler({
    store: basis.store,
    baseUrl: options.baseUrl,
    allowPartnerUrl: basis.allowPartnerUrl,
    maxPageLimit: basis.pageLimit,
    ...(basis.options.fetch && { fetch: basis.options.fetch }),
    versions: [service],
  });
  return simulated(basis, 'CPO', state, handle);
}

function cpoModules(basis: PartyBasis, state: CpoState, version: OcpiVersion) {
  const v221 = version === '2.2.1';
  const sender = v221 ? 'sender' : 'cpo';
  const receiver = v221 ? 'receiver' : 'cpo';
  const locations = state.locations as readonly Loose[];
  const location = (id: string | undefined) => locations.find((candidate) => candidate.id === id);
  const evse = (locationId: string | undefined, uid: string | undefined) =>
    (location(locationId)?.evses as Loose[] | undefined)?.find((candidate) => candidate.uid === uid);
  const tokenKey = ({ country_code, party_id, token_uid }: Record<string, string>) =>
    ObjectStore.key(country_code ?? '', party_id ?? '', token_uid ?? '');
  const sessions = state.sessions as Loose[];

  // A command taken: accepted at once when what it names exists, its result sent later (2.2.1 a
  // CommandResult, 2.1.1 a second CommandResponse).
  const command =
    (name: string, known: (body: Loose) => boolean, effect?: (body: Loose) => void) =>
    ({ body, partner }: Call) => {
      state.commands.push({ command: name, body });
      if (!known(body)) return v221 ? { result: 'REJECTED', timeout: 0 } : { result: 'REJECTED' };
      const responseUrl = String(body.response_url);
      sendLater(basis, 'CPO', partner, responseUrl, async (client) => {
        effect?.(body);
        const call = { params: { response_url: responseUrl }, body: { result: 'ACCEPTED' } as never };
        if (client.version === '2.2.1') await client.commands.sender.postResult(call);
        else await client.commands.emsp.postResult(call);
      });
      return v221 ? { result: 'ACCEPTED', timeout: 30 } : { result: 'ACCEPTED' };
    };
  const started = (body: Loose) =>
    sessions.push(startedSession(basis, version, body, location(String(body.location_id))));

  const modules: Record<string, Record<string, Loose>> = {
    locations: {
      [sender]: {
        list: listOf(() => locations as { last_updated: string }[]),
        getLocation: ({ params }: Call) => location(params.location_id),
        getEvse: ({ params }: Call) => evse(params.location_id, params.evse_uid),
        getConnector: ({ params }: Call) =>
          (evse(params.location_id, params.evse_uid)?.connectors as Loose[] | undefined)?.find(
            (candidate) => candidate.id === params.connector_id,
          ),
      },
    },
    sessions: { [sender]: { list: listOf(() => sessions as { last_updated: string }[]) } },
    cdrs: { [sender]: { list: listOf(() => state.cdrs as readonly { last_updated: string }[]) } },
    tariffs: { [sender]: { list: listOf(() => state.tariffs as readonly { last_updated: string }[]) } },
    tokens: {
      [receiver]: {
        getToken: ({ params }: Call) => state.tokens.get(tokenKey(params)),
        putToken: ({ params, body }: Call) => state.tokens.put(tokenKey(params), body),
        patchToken: ({ params, body }: Call) => {
          if (!state.tokens.patch(tokenKey(params), body)) {
            throw new OcpiRefusal(v221 ? 2004 : 2000, 'Unknown Token', { httpStatus: 404 });
          }
        },
      },
    },
    commands: {
      [receiver]: {
        startSession: command(
          'START_SESSION',
          (body) => location(String(body.location_id)) !== undefined,
          started,
        ),
        stopSession: command('STOP_SESSION', (body) =>
          sessions.some((session) => session.id === body.session_id),
        ),
        reserveNow: command('RESERVE_NOW', (body) => location(String(body.location_id)) !== undefined),
        unlockConnector: command(
          'UNLOCK_CONNECTOR',
          (body) => evse(String(body.location_id), String(body.evse_uid)) !== undefined,
        ),
        ...(v221 && { cancelReservation: command('CANCEL_RESERVATION', () => true) }),
      },
    },
  };
  if (v221) {
    (modules.sessions as Record<string, Loose>)[sender] = {
      ...(modules.sessions?.[sender] as Loose),
      putChargingPreferences: ({ params }: Call) => {
        if (!sessions.some((session) => session.id === params.session_id)) {
          throw new OcpiRefusal(2000, 'Unknown session', { httpStatus: 404 });
        }
        return 'ACCEPTED';
      },
    };
    modules.chargingprofiles = { receiver: chargingProfiles(basis, state) };
  }
  return modules;
}

// 2.2.1 charging profiles: accepted at once, each result sent later to the request's response_url.
function chargingProfiles(basis: PartyBasis, state: CpoState): Loose {
  const accepted = { result: 'ACCEPTED', timeout: 30 };
  const later = (partner: Call['partner'], responseUrl: string, send: (client: never) => Promise<unknown>) =>
    sendLater(basis, 'CPO', partner, responseUrl, send as never);
  return {
    getActiveProfile: ({ params, query, partner }: Call) => {
      const profile = state.chargingProfiles.get(String(params.session_id));
      const responseUrl = String(query.response_url);
      later(partner, responseUrl, (async (client: { chargingprofiles: { sender: Loose } }) =>
        (client.chargingprofiles.sender.postActiveProfileResult as (args: unknown) => Promise<void>)({
          params: { response_url: responseUrl },
          body: profile
            ? {
                result: 'ACCEPTED',
                profile: { start_date_time: formatUtcDateTime(Date.now()), charging_profile: profile },
              }
            : { result: 'UNKNOWN' },
        })) as never);
      return accepted;
    },
    setProfile: ({ params, body, partner }: Call) => {
      state.chargingProfiles.put(String(params.session_id), body.charging_profile);
      const responseUrl = String(body.response_url);
      later(partner, responseUrl, (async (client: { chargingprofiles: { sender: Loose } }) =>
        (client.chargingprofiles.sender.postProfileResult as (args: unknown) => Promise<void>)({
          params: { response_url: responseUrl },
          body: { result: 'ACCEPTED' },
        })) as never);
      return accepted;
    },
    clearProfile: ({ params, query, partner }: Call) => {
      state.chargingProfiles.delete(String(params.session_id));
      const responseUrl = String(query.response_url);
      later(partner, responseUrl, (async (client: { chargingprofiles: { sender: Loose } }) =>
        (client.chargingprofiles.sender.postClearProfileResult as (args: unknown) => Promise<void>)({
          params: { response_url: responseUrl },
          body: { result: 'ACCEPTED' },
        })) as never);
      return accepted;
    },
  };
}

// The session a START_SESSION opens: ACTIVE at the Location, on the EVSE and connector named or its first.
function startedSession(
  basis: PartyBasis,
  version: OcpiVersion,
  body: Loose,
  location: Loose | undefined,
): Loose {
  const evses = (location?.evses as Loose[] | undefined) ?? [];
  const evse = evses.find((candidate) => candidate.uid === body.evse_uid) ?? evses[0];
  const connectorId = String(body.connector_id ?? (evse?.connectors as Loose[] | undefined)?.[0]?.id ?? '1');
  const token = body.token as Loose;
  const now = formatUtcDateTime(Date.now());
  const id = `SES-${crypto.randomUUID().slice(0, 8)}`;
  if (version === '2.2.1') {
    return {
      country_code: basis.party.countryCode,
      party_id: basis.party.partyId,
      id,
      start_date_time: now,
      kwh: 0,
      cdr_token: {
        country_code: token.country_code,
        party_id: token.party_id,
        uid: token.uid,
        type: token.type,
        contract_id: token.contract_id,
      },
      auth_method: 'COMMAND',
      location_id: body.location_id,
      evse_uid: evse?.uid ?? '1',
      connector_id: connectorId,
      currency: 'EUR',
      status: 'ACTIVE',
      last_updated: now,
    };
  }
  const evseFor211 = evse
    ? { ...evse, connectors: ((evse.connectors as Loose[]) ?? []).filter((c) => c.id === connectorId) }
    : undefined;
  return {
    id,
    start_datetime: now,
    kwh: 0,
    auth_id: token.auth_id,
    auth_method: 'WHITELIST',
    location: { ...location, evses: evseFor211 ? [evseFor211] : [] },
    currency: 'EUR',
    status: 'ACTIVE',
    last_updated: now,
  };
}
