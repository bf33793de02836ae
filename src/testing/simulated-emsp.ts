import type { OcpiVersion } from '../common/protocol/version';
import { createOcpiHandler } from '../server/platform/create-ocpi-handler';
import { OcpiRefusal } from '../server/platform/ocpi-refusal';
import { serveVersion as serveVersion211 } from '../v211/serve-version';
import { serveVersion as serveVersion221 } from '../v221/serve-version';
import { listOf } from './list-of';
import { ObjectStore } from './object-store';
import { type EmspData211, type EmspData221, seedEmsp211, seedEmsp221 } from './seed';

import {
  type PartyBasis,
  partyBasis,
  type SimulatedParty,
  type SimulatedPartyOptions,
  serviceParty,
  serviceRoles,
  simulated,
} from './simulated-party';

type Loose = Record<string, unknown>;
type Call = { params: Record<string, string>; query: Loose; body: Loose; request: Request };

/** What a simulated eMSP holds: its seeded Tokens, and what CPOs pushed to it. */
export type EmspState = (EmspData221 | EmspData211) & {
  /** Pushed by CPOs, by `COUNTRY/PARTY/ID` (2.2.1) or `ID` (2.1.1). */
  readonly locations: ObjectStore<Loose>;
  readonly sessions: ObjectStore<Loose>;
  readonly cdrs: ObjectStore<Loose>;
  readonly tariffs: ObjectStore<Loose>;
  /** Results posted to our response URLs, by URL. */
  readonly results: Map<string, unknown>;
};

/**
 * A simulated eMSP of either version: seeded Tokens served as a list and authorized in real time, and
 * Receiver interfaces keeping what CPOs push (Locations with their EVSEs and Connectors, Sessions, CDRs,
 * Tariffs), the results of commands and charging profiles at its response URLs, and the handshake.
 */
export async function simulatedEmsp(options: SimulatedPartyOptions): Promise<SimulatedParty<EmspState>> {
  const basis = await partyBasis('EMSP', options);
  const seedOptions = { seed: options.seed ?? 1, emsp: basis.party };
  const data = options.version === '2.2.1' ? seedEmsp221(seedOptions) : seedEmsp211(seedOptions);
  const state: EmspState = {
    ...data,
    locations: new ObjectStore(),
    sessions: new ObjectStore(),
    cdrs: new ObjectStore(),
    tariffs: new ObjectStore(),
    results: new Map(),
  };
  const modules = emspModules(state, options.version);
  const service =
    options.version === '2.2.1'
      ? serveVersion221({ roles: serviceRoles(basis, 'EMSP'), modules: modules as never })
      : serveVersion211({ ...serviceParty(basis), modules: modules as never });
  const handle = createOcpiHandler({
    store: basis.store,
    baseUrl: options.baseUrl,
    allowPartnerUrl: basis.allowPartnerUrl,
    maxPageLimit: basis.pageLimit,
    ...(basis.options.fetch && { fetch: basis.options.fetch }),
    versions: [service],
  });
  return simulated(basis as PartyBasis, 'EMSP', state, handle);
}

function emspModules(state: EmspState, version: OcpiVersion) {
  const v221 = version === '2.2.1';
  const receiver = v221 ? 'receiver' : 'emsp';
  const sender = v221 ? 'sender' : 'emsp';
  // 2.2.1 objects live under their owner's party; 2.1.1 URLs name them by id alone below the party.
  const key = (params: Record<string, string>, id: string | undefined) =>
    ObjectStore.key(params.country_code ?? '', params.party_id ?? '', id ?? '');
  const unknownLocation = () => new OcpiRefusal(2003, 'Unknown Location', { httpStatus: 404 });
  const storedLocation = (params: Record<string, string>) =>
    state.locations.get(key(params, params.location_id));
  const evsesOf = (location: Loose | undefined) => (location?.evses as Loose[] | undefined) ?? [];
  const storedEvse = (params: Record<string, string>) =>
    evsesOf(storedLocation(params)).find((evse) => evse.uid === params.evse_uid);
  // Replaces (or adds) one EVSE or Connector inside the stored Location.
  const withEvse = (params: Record<string, string>, change: (evse: Loose | undefined) => Loose) => {
    const location = storedLocation(params);
    if (location === undefined) throw unknownLocation();
    const current = evsesOf(location).find((evse) => evse.uid === params.evse_uid);
    const next = change(current);
    const evses = current
      ? evsesOf(location).map((evse) => (evse === current ? next : evse))
      : [...evsesOf(location), next];
    state.locations.put(key(params, params.location_id), withChildUpdate({ ...location, evses }, next));
    return current ? undefined : ('created' as const);
  };
  const withConnector = (params: Record<string, string>, change: (connector: Loose | undefined) => Loose) =>
    withEvse(params, (evse) => {
      if (evse === undefined) throw unknownLocation();
      const connectors = (evse.connectors as Loose[] | undefined) ?? [];
      const current = connectors.find((connector) => connector.id === params.connector_id);
      const next = change(current);
      const updated = {
        ...evse,
        connectors: current
          ? connectors.map((connector) => (connector === current ? next : connector))
          : [...connectors, next],
      };
      return withChildUpdate(updated, next);
    });
  const unknownTariff = () => new OcpiRefusal(2000, 'Unknown tariff', { httpStatus: 404 });
  const tokens = state.tokens as readonly Loose[];
  const result = ({ request, body }: Call) => {
    state.results.set(request.url, body);
  };

  return {
    tokens: {
      [sender]: {
        list: listOf(() => tokens as { last_updated: string }[]),
        // 2.2.1 names a Token by uid and type (RFID when the query has none); 2.1.1 by uid alone.
        authorize: ({ params, query, body }: Call) => {
          const type = v221 ? (query?.type ?? 'RFID') : undefined;
          const token = tokens.find(
            (candidate) =>
              candidate.uid === params.token_uid && (type === undefined || candidate.type === type),
          );
          if (token === undefined) return undefined;
          const allowed = token.valid === true;
          return {
            allowed: allowed ? 'ALLOWED' : 'BLOCKED',
            ...(v221 && { token }),
            // The location asked about, every EVSE of it allowed; and in 2.2.1 a reference for the
            // Session and CDR to carry.
            ...(allowed && body !== undefined && body !== null && { location: body }),
            ...(v221 && allowed && { authorization_reference: crypto.randomUUID() }),
          };
        },
      },
    },
    locations: {
      [receiver]: {
        getLocation: ({ params }: Call) => storedLocation(params),
        getEvse: ({ params }: Call) => storedEvse(params),
        getConnector: ({ params }: Call) =>
          ((storedEvse(params)?.connectors as Loose[] | undefined) ?? []).find(
            (c) => c.id === params.connector_id,
          ),
        putLocation: ({ params, body }: Call) => state.locations.put(key(params, params.location_id), body),
        putEvse: ({ params, body }: Call) => withEvse(params, () => body),
        putConnector: ({ params, body }: Call) => withConnector(params, () => body),
        patchLocation: ({ params, body }: Call) => {
          if (!state.locations.patch(key(params, params.location_id), body)) throw unknownLocation();
        },
        patchEvse: ({ params, body }: Call) => {
          withEvse(params, (evse) => {
            if (evse === undefined) throw unknownLocation();
            return { ...evse, ...body };
          });
        },
        patchConnector: ({ params, body }: Call) => {
          withConnector(params, (connector) => {
            if (connector === undefined) throw unknownLocation();
            return { ...connector, ...body };
          });
        },
      },
    },
    sessions: {
      [receiver]: {
        getSession: ({ params }: Call) => state.sessions.get(key(params, params.session_id)),
        putSession: ({ params, body }: Call) => state.sessions.put(key(params, params.session_id), body),
        patchSession: ({ params, body }: Call) => {
          if (!state.sessions.patch(key(params, params.session_id), body)) {
            throw new OcpiRefusal(2000, 'Unknown session', { httpStatus: 404 });
          }
        },
      },
    },
    cdrs: {
      [receiver]: {
        postCdr: ({ body }: Call) =>
          state.cdrs.put(
            ObjectStore.key(String(body.country_code ?? ''), String(body.party_id ?? ''), String(body.id)),
            body,
          ),
        getCdr: ({ params }: Call) => state.cdrs.get(key(params, params.cdr_id)),
      },
    },
    tariffs: {
      [receiver]: {
        getTariff: ({ params }: Call) => state.tariffs.get(key(params, params.tariff_id)),
        putTariff: ({ params, body }: Call) => state.tariffs.put(key(params, params.tariff_id), body),
        deleteTariff: ({ params }: Call) => {
          if (!state.tariffs.delete(key(params, params.tariff_id))) throw unknownTariff();
        },
        ...(!v221 && {
          patchTariff: ({ params, body }: Call) => {
            if (!state.tariffs.patch(key(params, params.tariff_id), body)) throw unknownTariff();
          },
        }),
      },
    },
    commands: { [sender]: { postResult: result } },
    ...(v221 && {
      chargingprofiles: {
        sender: {
          putActiveProfile: () => undefined,
          postActiveProfileResult: result,
          postProfileResult: result,
          postClearProfileResult: result,
        },
      },
    }),
  };
}

/**
 * `parent` with the `last_updated` of its pushed `child` (an EVSE of a Location, a Connector of an EVSE),
 * as the spec's receiver keeps it: a parent's timestamp is that of its last change or its children's.
 * Never moved back by a push that arrives late.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_locations.asciidoc#mod_locations_patch_method
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_locations.md#211-get-method
 */
function withChildUpdate(parent: Loose, child: Loose): Loose {
  const updated = child.last_updated;
  if (typeof updated !== 'string') return parent;
  const current = typeof parent.last_updated === 'string' ? Date.parse(parent.last_updated) : Number.NaN;
  return Date.parse(updated) > current || Number.isNaN(current)
    ? { ...parent, last_updated: updated }
    : parent;
}
