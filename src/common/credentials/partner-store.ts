import type { TokenEncoding } from '../auth/authorization-header';
import type { OcpiVersion } from '../version';
import type { authenticatePartner } from './authenticate-partner';

/** One party of a platform, as the credentials name it (2.1.1: the only one; 2.2.1: one per role). */
export interface PartyRole {
  /** 2.2.1 role (`CPO`, `EMSP`, `HUB`...); 2.1.1 credentials carry none. */
  role?: string;
  countryCode: string;
  partyId: string;
  businessDetails: { name: string; website?: string | undefined; logo?: unknown };
}

/** An endpoint the partner listed in its version details. */
export interface PartnerEndpoint {
  identifier: string;
  /** 2.2.1 only: `SENDER` or `RECEIVER`. */
  role?: string;
  url: string;
}

/**
 * What we keep about a roaming partner. A partner is `invited` from the moment we hand out its token A
 * until the registration completes, then `registered`.
 *
 * Tokens are named by direction, not by letter: `incomingToken` is what the partner sends us (token A
 * while invited; afterwards token C if they registered with us, token B if we registered with them),
 * `outgoingToken` what we send them.
 */
export interface PartnerRecord {
  /** Our own key for the partner. */
  id: string;
  status: 'invited' | 'registered';
  incomingToken: string;
  /**
   * The incoming token being replaced, kept until the partner has proven it holds the new one, so that a
   * crash between storing and sending a new token never locks the partner out. It only serves that
   * recovery (see {@link authenticatePartner}): it opens no module but versions and credentials.
   */
  previousIncomingToken?: string;
  /**
   * Set while our own update (a PUT we sent) has not been confirmed: the partner may hold either incoming
   * token, so both are full credentials and neither is retired until the PUT succeeds.
   */
  rotationPending?: true;
  /**
   * Set once we have sent, or are about to send, the partner a DELETE: if its answer is lost, a retry
   * that the partner no longer recognises (401, 405) means the unregistration went through.
   */
  unregistering?: true;
  outgoingToken?: string;
  /** How to send `outgoingToken`; by default the version's way. */
  tokenEncoding?: TokenEncoding;
  version?: OcpiVersion;
  versionsUrl?: string;
  versionUrl?: string;
  endpoints?: readonly PartnerEndpoint[];
  /** The partner's parties: one in 2.1.1, one per role in 2.2.1. */
  roles?: readonly PartyRole[];
}

/**
 * Where partners are kept: an app plugs in its database. Writes must be durable when the promise
 * resolves, because the handshake relies on their order to survive a crash at any step.
 */
export interface PartnerStore {
  /**
   * The partner whose `incomingToken` (or `previousIncomingToken`) is `token`. It does not say which one
   * matched: to authenticate a request, use {@link authenticatePartner}, which does.
   */
  findByToken(token: string): Promise<PartnerRecord | undefined>;
  /** The partner with this `id`. */
  findById(id: string): Promise<PartnerRecord | undefined>;
  /** Inserts or replaces the record with this `id`. */
  save(record: PartnerRecord): Promise<void>;
  remove(id: string): Promise<void>;
}

/** A {@link PartnerStore} in memory, for tests, demos and single-process tools. */
export class InMemoryPartnerStore implements PartnerStore {
  readonly #records = new Map<string, PartnerRecord>();

  async findByToken(token: string): Promise<PartnerRecord | undefined> {
    for (const record of this.#records.values()) {
      if (record.incomingToken === token || record.previousIncomingToken === token)
        return structuredClone(record);
    }
    return undefined;
  }

  async findById(id: string): Promise<PartnerRecord | undefined> {
    const record = this.#records.get(id);
    return record && structuredClone(record);
  }

  async save(record: PartnerRecord): Promise<void> {
    this.#records.set(record.id, structuredClone(record));
  }

  async remove(id: string): Promise<void> {
    this.#records.delete(id);
  }

  /** Every record, for inspection in tests. */
  all(): PartnerRecord[] {
    return [...this.#records.values()].map((record) => structuredClone(record));
  }
}
