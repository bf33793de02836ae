import type { OcpiVersion } from '../common/protocol/version';
import { type PartnerUrlPolicy, partnerUrlPolicy } from '../common/transport/partner-url-policy';
import type { RegistrationHandlerConfig } from '../server/config';
import { mintToken } from '../server/partners/mint-token';
import { InMemoryPartnerStore, type PartyRole } from '../server/partners/partner-store';
import type { OcpiHandler } from '../server/platform/create-ocpi-handler';
import { checkFaults, type FaultName } from './faults/fault-name';
import type { FaultSettings } from './faults/fault-settings';
import { faultyFetch, withFaults } from './faults/with-faults';
import type { SeedParty } from './seed';

/** The role a simulated party plays. */
export type SimulatedRole = 'CPO' | 'EMSP' | 'HUB';

/** Options every simulated party takes. */
export interface SimulatedPartyOptions {
  version: OcpiVersion;
  /** Where it is served, e.g. `http://127.0.0.1:4100/ocpi`: its versions URL is `{baseUrl}/versions`. */
  baseUrl: string;
  /** The seed of its data: the same seed gives the same data. Default 1. */
  seed?: number;
  /** Its own party. Default `NL/CPO`, `NL/EMS` or `NL/HUB` by role. */
  party?: SeedParty;
  /** The party registered with it from the start, for tools that skip the handshake. Default the other role's. */
  counterParty?: SeedParty;
  /** The most objects a page of its lists holds (`X-Limit`). Default 50. */
  pageLimit?: number;
  /** How long it takes before it sends an asynchronous result (commands, charging profiles). Default 50 ms. */
  resultDelayMs?: number;
  /**
   * Which URLs it calls: partners' versions URLs, response URLs. Default: http and https, loopback
   * included, as a party on a developer's machine needs.
   */
  allowPartnerUrl?: PartnerUrlPolicy;
  /** The fetch of its own calls. Default the global one. */
  fetch?: typeof globalThis.fetch;
  /**
   * The deviations from the spec it makes, as real partners do (see {@link FaultName}). Default none.
   * An unknown name, one meant for the other version, or both timestamp styles throw a `TypeError`.
   */
  faults?: readonly FaultName[];
  /** How strong some of those faults are: latency, busy bursts. */
  faultSettings?: FaultSettings;
}

/** A simulated OCPI party, ready to serve: its handler, its tokens, its data and its partners. */
export interface SimulatedParty<Data = unknown> {
  readonly role: SimulatedRole;
  readonly version: OcpiVersion;
  readonly party: SeedParty;
  readonly counterParty: SeedParty;
  readonly baseUrl: string;
  /** Where a partner starts: the versions endpoint. */
  readonly versionsUrl: string;
  /** A token A for the credentials handshake: hand it to the partner that registers. */
  readonly tokenA: string;
  /** A token already registered for `counterParty`: for tools that skip the handshake. */
  readonly registeredToken: string;
  /** Its partners, the invited one and the registered counter-party among them. */
  readonly store: InMemoryPartnerStore;
  /** Its own data and what partners pushed to it. */
  readonly data: Data;
  /** The Web-standard handler answering every request. */
  readonly handle: OcpiHandler;
  /** Resolves once every asynchronous result it scheduled has been sent (or failed). */
  settled(): Promise<void>;
}

/** The default parties: the simulated one's, and its counter-party's. */
export const DEFAULT_PARTIES: Readonly<Record<SimulatedRole, SeedParty>> = {
  CPO: { countryCode: 'NL', partyId: 'CPO', name: 'Simulated CPO' },
  EMSP: { countryCode: 'NL', partyId: 'EMS', name: 'Simulated eMSP' },
  HUB: { countryCode: 'NL', partyId: 'HUB', name: 'Simulated Hub' },
};

/** What every simulated party is built from: its parties, tokens, partner store and settings. */
export interface PartyBasis {
  /** The options, with the fetch of its own calls making its faults. */
  options: SimulatedPartyOptions;
  faults: readonly FaultName[];
  party: SeedParty;
  counterParty: SeedParty;
  tokenA: string;
  registeredToken: string;
  store: InMemoryPartnerStore;
  pageLimit: number;
  resultDelayMs: number;
  allowPartnerUrl: PartnerUrlPolicy;
  /** Work it does later (asynchronous results), so that tests and demos can wait for it. */
  later: Later;
}

/** Builds the basis of a simulated party of `role`, with its two tokens stored. */
export async function partyBasis(role: SimulatedRole, options: SimulatedPartyOptions): Promise<PartyBasis> {
  const faults = checkFaults(options.faults ?? [], options.version);
  const fetch = faultyFetch(options.fetch, faults);
  const party = options.party ?? DEFAULT_PARTIES[role];
  const counterParty = options.counterParty ?? DEFAULT_PARTIES[role === 'EMSP' ? 'CPO' : 'EMSP'];
  const store = new InMemoryPartnerStore();
  const tokenA = mintToken();
  const registeredToken = mintToken();
  await store.save({ id: 'invited', status: 'invited', incomingToken: tokenA });
  await store.save({
    id: 'counter-party',
    status: 'registered',
    incomingToken: registeredToken,
    version: options.version,
    roles: [roleOf(counterParty, role === 'EMSP' ? 'CPO' : 'EMSP', options.version)],
  });
  return {
    options: { ...options, ...(fetch && { fetch }) },
    faults,
    party,
    counterParty,
    tokenA,
    registeredToken,
    store,
    pageLimit: options.pageLimit ?? 50,
    resultDelayMs: options.resultDelayMs ?? 50,
    allowPartnerUrl:
      options.allowPartnerUrl ??
      partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1', '::1', 'localhost'] }),
    later: new Later(),
  };
}

/** A party as a partner record names it. */
export function roleOf(party: SeedParty, role: string, version: OcpiVersion): PartyRole {
  return {
    ...(version === '2.2.1' && { role }),
    countryCode: party.countryCode,
    partyId: party.partyId,
    businessDetails: { name: party.name },
  };
}

/**
 * The registration config our own calls go out with (command results, the credentials callback): our
 * party, the URL policy, the fetch. Its module endpoints are not needed there.
 */
export function callConfig(basis: PartyBasis, role: SimulatedRole): RegistrationHandlerConfig {
  const { options, party } = basis;
  const details = { name: party.name };
  return {
    store: basis.store,
    baseUrl: options.baseUrl,
    allowPartnerUrl: basis.allowPartnerUrl,
    ...(options.fetch && { fetch: options.fetch }),
    versions:
      options.version === '2.2.1'
        ? {
            '2.2.1': {
              roles: [
                { role, country_code: party.countryCode, party_id: party.partyId, business_details: details },
              ],
              endpoints: [],
            },
          }
        : {
            '2.1.1': {
              country_code: party.countryCode,
              party_id: party.partyId,
              business_details: details,
              endpoints: [],
            },
          },
  };
}

/** Work a party does after answering (an asynchronous result), tracked so that it can be awaited. */
export class Later {
  readonly #pending = new Set<Promise<unknown>>();
  readonly #failures: unknown[] = [];

  /** Runs `work` after `delayMs`; a failure is kept, never thrown at the caller. */
  run(delayMs: number, work: () => Promise<unknown>): void {
    const done = new Promise((resolve) => setTimeout(resolve, delayMs))
      .then(work)
      .catch((error: unknown) => {
        this.#failures.push(error);
      })
      .finally(() => this.#pending.delete(done));
    this.#pending.add(done);
  }

  /** Waits for everything scheduled, including what those runs scheduled in turn. */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /** What failed so far (e.g. a result the partner refused). */
  get failures(): readonly unknown[] {
    return this.#failures;
  }
}

/** Our 2.2.1 credentials roles, as `serveVersion` of 2.2.1 takes them: the party in its role. */
export function serviceRoles(basis: PartyBasis, role: SimulatedRole) {
  return [
    {
      role,
      country_code: basis.party.countryCode,
      party_id: basis.party.partyId,
      business_details: { name: basis.party.name },
    },
  ];
}

/** What every simulated party returns, from its basis, data and handler (making the party's faults). */
export function simulated<Data>(
  basis: PartyBasis,
  role: SimulatedParty['role'],
  data: Data,
  handle: SimulatedParty['handle'],
): SimulatedParty<Data> {
  const { options } = basis;
  return {
    role,
    version: options.version,
    party: basis.party,
    counterParty: basis.counterParty,
    baseUrl: options.baseUrl,
    versionsUrl: `${options.baseUrl}/versions`,
    tokenA: basis.tokenA,
    registeredToken: basis.registeredToken,
    store: basis.store,
    data,
    handle: withFaults(handle, {
      version: options.version,
      baseUrl: options.baseUrl,
      faults: basis.faults,
      settings: options.faultSettings ?? {},
    }),
    settled: () => basis.later.settled(),
  };
}

/** Our 2.1.1 party, as `serveVersion` of 2.1.1 takes it. */
export function serviceParty(basis: PartyBasis) {
  return {
    country_code: basis.party.countryCode,
    party_id: basis.party.partyId,
    business_details: { name: basis.party.name },
  };
}
