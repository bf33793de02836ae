import type { AcceptedTokenEncoding } from '../common/auth/match-credentials-token';
import type { UnknownFields, ValidationMode, ValidationPolicy } from '../common/schema/parse';
import type { PartnerUrlPolicy } from '../common/transport/partner-url-policy';
import type { RetryPolicy } from '../common/transport/transport';
import type { Credentials as Credentials211, Endpoint as Endpoint211 } from '../v211/generated/schemas';
import type { CredentialsRole, Endpoint as Endpoint221 } from '../v221/generated/schemas';
import type { PartnerStore } from './partners/partner-store';

/** What we offer in OCPI 2.2.1: our parties and our modules. */
export interface Registration221Config {
  /** Our parties, as our credentials name them (one per role). */
  roles: readonly CredentialsRole[];
  /** Our modules other than credentials, with full URLs; the credentials endpoint is added for us. */
  endpoints: readonly Endpoint221[];
  /** Module identifiers a partner must list, or its registration is refused with 3003. */
  requiredModules?: readonly string[];
}

/** What we offer in OCPI 2.1.1: our one party and our modules. */
export interface Registration211Config {
  party_id: string;
  country_code: string;
  business_details: Credentials211['business_details'];
  /** Our modules other than credentials, with full URLs; the credentials endpoint is added for us. */
  endpoints: readonly Endpoint211[];
  /** Module identifiers a partner must list, or its registration is refused with 3003. */
  requiredModules?: readonly string[];
}

/** Options of `createRegistrationHandler`. */
export interface RegistrationHandlerConfig {
  store: PartnerStore;
  /** Where the handler is mounted, e.g. `https://emsp.example.com/ocpi`: our versions URL is below it. */
  baseUrl: string;
  /** The versions we serve; at least one. */
  versions: { '2.2.1'?: Registration221Config; '2.1.1'?: Registration211Config };
  /** Used to call the initiator back; the global `fetch` by default. */
  fetch?: typeof globalThis.fetch;
  /** Which encodings of incoming tokens are accepted. Default `both`, for partners of mixed habits. */
  acceptTokenEncoding?: AcceptedTokenEncoding;
  /** How closely request bodies and the initiator's answers must follow the spec. Default `lenient`. */
  validation?: ValidationMode;
  /**
   * What becomes of fields the spec does not define in request bodies and the initiator's answers:
   * `strip` (default), `keep` or `reject` (see {@link UnknownFields}). The credentials we store are only
   * the fields the spec defines, whatever this says.
   */
  unknownFields?: UnknownFields;
  /**
   * The most bytes of a POST or PUT credentials body we read. Default 64 KiB: a credentials object is
   * about 1 KB a role. A body announced (`Content-Length`) or found to be larger while it streams is
   * answered with HTTP 413 and status code 2000, its rest never read. Only size is bounded here: to end
   * a body that trickles in forever, use the server's own timeouts (node:http's `requestTimeout`).
   */
  maxBodyBytes?: number;
  /**
   * How long, in ms, a token replaced by a partner's POST or PUT still serves recovery: a partner that lost
   * our answer may GET our credentials (the new token C) or send its request again with it, for this long
   * after the write that replaced it, unless a successful answer to the new token retires it first.
   * Default 15 minutes: several retries of a lost answer, or a restart of either server, fit in it, and a
   * leaked token A or old token C is worthless that long after the registration. `0` gives no recovery.
   * Kept on the record as `previousIncomingTokenExpiresAt`, so the readers (this handler,
   * `authenticatePartner`) need no setting of their own.
   */
  recoveryWindowMs?: number;
  /**
   * Per call to the initiator, in ms. Default 10 s: the initiator is waiting on its open POST or PUT,
   * so our calls back have to finish well within its own timeout.
   */
  timeout?: number | false;
  /**
   * The largest answer we read from a partner, in bytes: the calls of `register`, `updateRegistration`
   * and the clients of registered partners. Default 16 MiB, as for every client (`maxResponseBytes` of
   * the client options). Our calls back to an initiator read at most 256 KiB whatever this says: its
   * versions list and version details are small, and it holds only token A.
   */
  maxResponseBytes?: number;
  /** Retries of the calls to the initiator. Default: one retry. */
  retry?: RetryPolicy;
  /**
   * Whether we may call, or store for later calls, a URL a partner gave us: the versions URL an initiator
   * posts, the version details URL in its versions list and every endpoint URL in its details, here
   * (refused before any request to them, answered 3001) and when we `register` or `updateRegistration`
   * (`OcpiUntrustedUrlError`). Each makes our server send a request where the partner says, with its
   * token. URLs over the spec's 255 characters are refused whatever the policy says.
   *
   * Default `partnerUrlPolicy()`: `https:` only, and no loopback, link-local, private or otherwise
   * non-public host. For tests against local servers:
   * `partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] })`; on Node, add
   * `resolve: lookupHostAddresses` (from `@org/ocpi/node`) to judge the addresses names resolve to.
   */
  allowPartnerUrl?: PartnerUrlPolicy;
  /** Receives unexpected errors (e.g. from the store), which are answered with HTTP 500 and 3000. */
  onError?: (error: unknown) => void;
  /**
   * Hears why a POST or PUT failed while we called the initiator back. The initiator itself is told only
   * that its API could not be used (3001, one message for a refused URL, an HTTP error, a timeout, an
   * unreachable host or an unreadable answer), so that it cannot probe what our server reaches; the
   * app gets the error here: an `OcpiError` such as `OcpiUntrustedUrlError` (a refused URL),
   * `OcpiHttpError` or `OcpiTimeoutError`, with the partner's id. Tokens are redacted from it as from
   * every error we throw. A hook that throws is ignored.
   */
  onCallbackError?: (error: unknown, context: { partnerId: string }) => void;
}

/** How the handler checks what partners send: the config's mode and unknown-field handling, or their defaults. */
export function policyOf(config: RegistrationHandlerConfig): ValidationPolicy {
  return { mode: config.validation ?? 'lenient', unknownFields: config.unknownFields ?? 'strip' };
}
