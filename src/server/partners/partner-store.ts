import type { TokenEncoding } from '../../common/auth/authorization-header';
import type { OcpiVersion } from '../../common/protocol/version';
import type { authenticatePartner } from './authenticate-partner';
import { constantTimeEqual, hashToken } from './token-hash';

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
  /**
   * The store's version of the record: set by the store on every write, never by the SDK or the app. A
   * record read from the store carries it, and a write of that record (with it unchanged) only succeeds
   * while nobody else has written the record in between (see {@link PartnerStore.save}).
   */
  revision?: number;
  status: 'invited' | 'registered';
  /**
   * Kept in plain text, unlike what a store looks tokens up by ({@link hashToken}): the SDK has to hand it
   * out again in two cases, to a partner recovering a lost answer with its previous token (GET
   * credentials), and to retry a registration or update whose outcome was unknown with the same token.
   * Encrypt it at rest if the database may leak.
   */
  incomingToken: string;
  /**
   * The incoming token being replaced, kept until the partner has proven it holds the new one, so that a
   * crash between storing and sending a new token never locks the partner out. It only serves that
   * recovery (see {@link authenticatePartner}): it opens no module but versions and credentials.
   */
  previousIncomingToken?: string;
  /**
   * When `previousIncomingToken` stops serving recovery (an ISO 8601 date): the registration handler
   * stores it with the token, its `recoveryWindowMs` after the registration or update that replaced it,
   * so a replaced token, possibly handed over by e-mail, cannot recover the current one forever when
   * nobody confirms it. Absent when there is no previous token, and while `rotationPending` (both tokens
   * are then current); a previous token without it serves no recovery.
   */
  previousIncomingTokenExpiresAt?: string;
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
 *
 * Writes are conditional (compare-and-swap on {@link PartnerRecord.revision}), never read-modify-write:
 * two requests of one partner may be served at once (a retry beside the original, a GET beside a PUT),
 * and the slower one must not undo the faster one's new token or bring back a partner it deleted. The
 * SDK reads a record, decides, and writes it back with the revision it read; when the store says the
 * record changed, the SDK reads it again and decides anew (or gives up on a write that no longer
 * applies, such as retiring a token that was replaced meanwhile).
 *
 * Tokens are found by their SHA-256 digest ({@link hashToken}): keep the digests of `incomingToken` and
 * `previousIncomingToken` in indexed columns and look up by the digest of the token asked for, so that no
 * lookup compares secrets and the index holds none. {@link InMemoryPartnerStore} is the reference.
 *
 * Breaking change for custom stores written before revisions: `save` now resolves with the stored record
 * or `undefined`, and `remove` takes the record and resolves with whether it removed it; the types make a
 * store adopt these signatures. They cannot tell whether it honours the revision: a store that writes
 * unconditionally (an upsert returning the record) still compiles, and brings the lost updates back.
 * Check a custom store against {@link InMemoryPartnerStore}, the reference: a stale revision writes and
 * removes nothing, a record without one is only ever created.
 *
 * @example
 * // PostgreSQL, with `revision bigint` filled from a sequence (never reused, even after a delete):
 * // create:  INSERT INTO partners (...) VALUES (..., nextval('partner_revisions'))
 * //          ON CONFLICT (id) DO NOTHING RETURNING revision
 * // replace: UPDATE partners SET ..., revision = nextval('partner_revisions')
 * //          WHERE id = $1 AND revision = $2 RETURNING revision
 * // remove:  DELETE FROM partners WHERE id = $1 AND revision = $2
 */
export interface PartnerStore {
  /**
   * The partner whose `incomingToken` (or `previousIncomingToken`) is `token`, with its revision. It does
   * not say which one matched: to authenticate a request, use {@link authenticatePartner}, which does.
   * Look the token up by its digest ({@link hashToken}); compare with {@link constantTimeEqual} if the
   * store compares anything itself.
   */
  findByToken(token: string): Promise<PartnerRecord | undefined>;
  /** The partner with this `id`, with its revision. */
  findById(id: string): Promise<PartnerRecord | undefined>;
  /**
   * Writes `record` if the stored one is still the one the caller read: with no `revision`, creates it
   * only if no record has this `id`; with one, replaces the stored record only if that is still at this
   * revision. Each successful write gives the record a new revision, one never used before for this
   * `id` (not even by a record removed since). Resolves with the record as stored, new revision
   * included, or `undefined` when the condition failed and nothing was written.
   */
  save(record: PartnerRecord): Promise<PartnerRecord | undefined>;
  /**
   * Removes the record with `record.id` if it is still at `record.revision`; a record without a revision
   * is never removed. Resolves with whether it was removed.
   */
  remove(record: PartnerRecord): Promise<boolean>;
}

// A stored record and the digests of its incoming tokens, which the index below points from.
interface StoredEntry {
  record: PartnerRecord & { revision: number };
  tokenHashes: string[];
}

/**
 * A {@link PartnerStore} in memory, for tests, demos and single-process tools, and the reference for
 * custom stores: conditional writes on the revision, lookups by token digest compared in constant time.
 */
export class InMemoryPartnerStore implements PartnerStore {
  readonly #entries = new Map<string, StoredEntry>();
  readonly #idByTokenHash = new Map<string, string>();
  // One counter for the whole store: a removed and re-created record never reuses an old revision.
  #lastRevision = 0;

  async findByToken(token: string): Promise<PartnerRecord | undefined> {
    const hash = await hashToken(token);
    const id = this.#idByTokenHash.get(hash);
    const entry = id === undefined ? undefined : this.#entries.get(id);
    if (entry === undefined) return undefined;
    // Checked again on the entry itself, digest against digest, so that a stale index entry finds nobody.
    let matched = false;
    for (const stored of entry.tokenHashes) matched = constantTimeEqual(stored, hash) || matched;
    return matched ? structuredClone(entry.record) : undefined;
  }

  async findById(id: string): Promise<PartnerRecord | undefined> {
    const entry = this.#entries.get(id);
    return entry && structuredClone(entry.record);
  }

  async save(record: PartnerRecord): Promise<PartnerRecord | undefined> {
    // Hashed first: from the check on, nothing awaits, so no other write can come in between.
    const tokenHashes = await Promise.all(incomingTokens(record).map(hashToken));
    const entry = this.#entries.get(record.id);
    if (entry?.record.revision !== record.revision) return undefined;
    if (entry) this.#unindex(entry);
    const stored = { ...structuredClone(record), revision: ++this.#lastRevision };
    this.#entries.set(record.id, { record: stored, tokenHashes });
    for (const hash of tokenHashes) this.#idByTokenHash.set(hash, record.id);
    return structuredClone(stored);
  }

  async remove(record: PartnerRecord): Promise<boolean> {
    const entry = this.#entries.get(record.id);
    if (entry === undefined || record.revision === undefined || entry.record.revision !== record.revision) {
      return false;
    }
    this.#unindex(entry);
    this.#entries.delete(record.id);
    return true;
  }

  /**
   * Every record as the SDK and the app wrote it, for inspection in tests: without the store's revision,
   * which is bookkeeping (read a record with `findById` to write it back).
   */
  all(): PartnerRecord[] {
    return [...this.#entries.values()].map(({ record: { revision: _bookkeeping, ...written } }) =>
      structuredClone(written),
    );
  }

  #unindex(entry: StoredEntry): void {
    for (const hash of entry.tokenHashes) {
      if (this.#idByTokenHash.get(hash) === entry.record.id) this.#idByTokenHash.delete(hash);
    }
  }
}

function incomingTokens(record: PartnerRecord): string[] {
  return record.previousIncomingToken === undefined
    ? [record.incomingToken]
    : [record.incomingToken, record.previousIncomingToken];
}
