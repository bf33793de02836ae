import { formatUtcDateTime } from '../common/schema/primitives/utc-date-time-format';
import { trimTrailing } from '../common/text/trim-trailing';
import type { Operation } from '../common/transport/operation';
import { mintToken } from '../server/partners/mint-token';
import { createOcpiHandler, type OcpiHandler } from '../server/platform/create-ocpi-handler';
import { Operations as Operations211 } from '../v211/operations';
import { serveVersion as serveVersion211 } from '../v211/serve-version';
import { Operations as Operations221 } from '../v221/operations';
import { serveVersion as serveVersion221 } from '../v221/serve-version';
import type { HubLink } from './hub-link';
import { type HubContext, hubOperation } from './hub-routing';
import { listOf } from './list-of';
import { ObjectStore } from './object-store';
import type { SeedParty } from './seed';
import { type CpoState, simulatedCpo } from './simulated-cpo';
import { type EmspState, simulatedEmsp } from './simulated-emsp';
import {
  DEFAULT_PARTIES,
  partyBasis,
  roleOf,
  type SimulatedParty,
  type SimulatedPartyOptions,
  serviceParty,
  serviceRoles,
  simulated,
} from './simulated-party';

type Loose = Record<string, unknown>;

/** A party a simulated hub connects: a simulated CPO or eMSP of its own, with its own seeded data. */
export interface HubMember {
  role: 'CPO' | 'EMSP';
  party: SeedParty;
  /** The seed of its data. Default the hub's seed plus the member's position. */
  seed?: number;
}

/** The parties a simulated hub connects unless told otherwise: two CPOs and an eMSP. */
export const DEFAULT_HUB_MEMBERS: readonly HubMember[] = [
  { role: 'CPO', party: { countryCode: 'NL', partyId: 'CP1', name: 'Simulated CPO One' } },
  { role: 'CPO', party: { countryCode: 'DE', partyId: 'CP2', name: 'Simulated CPO Two' } },
  { role: 'EMSP', party: DEFAULT_PARTIES.EMSP },
];

/** Options of {@link simulatedHub}: those of every party, the parties it connects and their data. */
export interface SimulatedHubOptions extends SimulatedPartyOptions {
  /** The parties it connects. Default {@link DEFAULT_HUB_MEMBERS}. */
  members?: readonly HubMember[];
  /** How many Locations each connected CPO holds. Default 300. */
  locations?: number;
  /** How many Sessions each connected CPO holds. Default 120. */
  sessions?: number;
}

/** What a simulated hub holds: the parties it connects, and the ClientInfo pushed to it. */
export interface HubState {
  /** The connected parties, each a whole simulated party (its data, its partner store). */
  readonly members: readonly SimulatedParty<CpoState | EmspState>[];
  /** 2.2.1: ClientInfo objects pushed to its HubClientInfo Receiver interface, by `COUNTRY/PARTY`. */
  readonly clientInfo: ObjectStore<Loose>;
}

/**
 * A simulated hub connecting simulated parties it holds itself (by default the CPOs `NL/CP1` and
 * `DE/CP2` and the eMSP `NL/EMS`), with the credentials handshake like any simulated party.
 *
 * In 2.2.1 (role HUB) it offers every interface of every functional module and routes each request by
 * its `OCPI-to-*` headers: to the connected party named (its own handler, called in this process with
 * the hub as a registered partner of role HUB, so that party checks the request as it would any
 * partner's), 4001 for a party it does not connect. Without a receiver, or with the hub itself as
 * receiver, a list (GET All via the hub) answers the connected parties' objects together, paged by the
 * hub; a GET or a command goes to the first party that knows the object or accepts the command; other
 * pushes are broadcast to every connected party offering the interface. `response_url`s are replaced by
 * the hub's own, and results passed back to the sender. It serves HubClientInfo: the connected parties
 * as `CONNECTED`, and takes ClientInfo pushes.
 *
 * 2.1.1 has no routing headers: there the hub is an aggregator in the CPO role, whose Locations,
 * Tariffs, Sessions and CDRs are those of all its CPOs together (lists and objects only).
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_message_routing
 * @example
 * const hub = await serveLocally((baseUrl) => simulatedHub({ version: '2.2.1', baseUrl, locations: 30 }));
 */
export async function simulatedHub(options: SimulatedHubOptions): Promise<SimulatedParty<HubState>> {
  const { version } = options;
  const basis = await partyBasis('HUB', options);
  const hubBase = trimTrailing(options.baseUrl, '/');
  let handle: OcpiHandler | undefined;
  const outside = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  // The connected parties reach the hub (their results) in this process, whether or not it is served.
  const memberFetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    return handle && request.url.startsWith(`${hubBase}/`) ? handle(request) : outside(request);
  };
  const memberSpecs = options.members ?? DEFAULT_HUB_MEMBERS;
  const firstOf = (role: HubMember['role']) =>
    memberSpecs.find((member) => member.role === role)?.party ?? DEFAULT_PARTIES[role];
  const links: HubLink[] = [];
  for (const [index, member] of memberSpecs.entries()) {
    const { countryCode, partyId } = member.party;
    const shared = {
      version,
      // Never served: the hub calls the party's handler directly.
      baseUrl: `${hubBase}/members/${countryCode}/${partyId}`,
      seed: member.seed ?? (options.seed ?? 1) + index,
      party: member.party,
      pageLimit: basis.pageLimit,
      resultDelayMs: basis.resultDelayMs,
      allowPartnerUrl: basis.allowPartnerUrl,
      fetch: memberFetch,
    };
    const party =
      member.role === 'CPO'
        ? await simulatedCpo({
            ...shared,
            counterParty: firstOf('EMSP'),
            ...(options.locations !== undefined && { locations: options.locations }),
            ...(options.sessions !== undefined && { sessions: options.sessions }),
          })
        : await simulatedEmsp({ ...shared, counterParty: firstOf('CPO') });
    // Registered both ways: the hub with the party (its token, role HUB), the party with the hub.
    const token = mintToken();
    const back = mintToken();
    await party.store.save({
      id: 'hub',
      status: 'registered',
      incomingToken: token,
      outgoingToken: back,
      version,
      versionsUrl: `${hubBase}/versions`,
      endpoints: [],
      roles: [roleOf(basis.party, 'HUB', version)],
    });
    await basis.store.save({
      id: `member-${countryCode}-${partyId}`,
      status: 'registered',
      incomingToken: back,
      version,
      roles: [roleOf(member.party, member.role, version)],
    });
    links.push({ party: party as SimulatedParty, token });
  }

  const state: HubState = {
    members: links.map((link) => link.party as SimulatedParty<CpoState | EmspState>),
    clientInfo: new ObjectStore(),
  };
  const context: HubContext = { basis, hubBase, version, links, pending: new Map() };
  const service =
    version === '2.2.1'
      ? serveVersion221({
          roles: serviceRoles(basis, 'HUB'),
          modules: {
            ...hubModules(context, Operations221),
            hubclientinfo: clientInfo(links, state),
          } as never,
        })
      : serveVersion211({
          ...serviceParty(basis),
          modules: hubModules(context, Operations211, AGGREGATED_211) as never,
        });
  handle = createOcpiHandler({
    store: basis.store,
    baseUrl: options.baseUrl,
    allowPartnerUrl: basis.allowPartnerUrl,
    maxPageLimit: basis.pageLimit,
    ...(options.fetch && { fetch: options.fetch }),
    versions: [service],
  });
  return simulated(basis, 'HUB', state, handle);
}

// 2.1.1: what the aggregating hub serves, as a CPO would.
const AGGREGATED_211: readonly string[] = ['locations.cpo', 'tariffs.cpo', 'sessions.cpo', 'cdrs.cpo'];

// Every interface of the table's functional modules (or those of `only`), each operation routed.
function hubModules(context: HubContext, table: object, only?: readonly string[]) {
  const modules: Record<string, Record<string, Record<string, unknown>>> = {};
  const entries = Object.entries(table as Record<string, Record<string, Record<string, Operation>>>);
  for (const [module, interfaces] of entries) {
    if (['versions', 'credentials', 'hubclientinfo'].includes(module)) continue;
    for (const [interfaceName, operations] of Object.entries(interfaces)) {
      if (only && !only.includes(`${module}.${interfaceName}`)) continue;
      const implementations: Record<string, unknown> = {};
      for (const [name, operation] of Object.entries(operations)) {
        implementations[name] = hubOperation(context, { module, interfaceName, name, operation });
      }
      modules[module] = { ...modules[module], [interfaceName]: implementations };
    }
  }
  return modules;
}

// HubClientInfo: the connected parties, all CONNECTED since the hub started; pushes kept as they came.
function clientInfo(links: readonly HubLink[], state: HubState) {
  const since = formatUtcDateTime(Date.now());
  const connected = () =>
    links.map(({ party }) => ({
      party_id: party.party.partyId,
      country_code: party.party.countryCode,
      role: party.role,
      status: 'CONNECTED',
      last_updated: since,
    }));
  const key = (params: Record<string, string>) =>
    ObjectStore.key(params.country_code ?? '', params.party_id ?? '');
  return {
    sender: { list: listOf(connected) },
    receiver: {
      getClientInfo: ({ params }: { params: Record<string, string> }) =>
        state.clientInfo.get(key(params)) ??
        connected().find((info) => ObjectStore.key(info.country_code, info.party_id) === key(params)),
      putClientInfo: ({ params, body }: { params: Record<string, string>; body: Loose }) =>
        state.clientInfo.put(key(params), body),
    },
  };
}
