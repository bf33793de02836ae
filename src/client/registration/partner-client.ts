import { OcpiValidationError } from '../../common/errors/ocpi-validation-error';
import type { OcpiVersion } from '../../common/protocol/version';
import type { Lenient } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import type { ClientOptions } from '../../common/transport/client-options';
import type { PartyRef } from '../../common/transport/routing';
import type { RegistrationHandlerConfig } from '../../server/config';
import { credentialsLimitIssues } from '../../server/credentials/credentials-limits';
import type { PartnerRecord, PartyRole } from '../../server/partners/partner-store';
import type { Credentials as Credentials211 } from '../../v211/generated/schemas';
import type { Credentials as Credentials221 } from '../../v221/generated/schemas';
import { clientFor, type OcpiClient } from '../discover-partner';

// The initiating side talks to the partner through the versioned clients; these helpers pick the one
// of the agreed version and read its answers into our partner record.

/** The credentials of either version. */
export type AnyCredentials = Credentials211 | Credentials221;

/**
 * The credentials of either version as a client reads them: lenient by default, so a role may be one the
 * spec does not list until {@link acceptedCredentials} has checked them.
 */
export type ReadCredentials = Lenient<Credentials211> | Lenient<Credentials221>;

/** The client settings of our registration config, for calls with `token`. */
export function clientSettings(config: RegistrationHandlerConfig, token: string): ClientOptions {
  return {
    token,
    ...(config.fetch && { fetch: config.fetch }),
    ...(config.timeout !== undefined && { timeout: config.timeout }),
    ...(config.maxResponseBytes !== undefined && { maxResponseBytes: config.maxResponseBytes }),
    ...(config.retry && { retry: config.retry }),
    ...(config.validation && { validation: config.validation }),
    ...(config.unknownFields && { unknownFields: config.unknownFields }),
  };
}

/** Options of {@link partnerClient}. */
export interface PartnerClientOptions {
  /** Our registration config: who we are (our 2.2.1 parties) and the client settings. */
  config: RegistrationHandlerConfig;
  /** The registered partner, as `register()`, `updateRegistration()` or the store hand it back. */
  record: PartnerRecord;
  /**
   * 2.2.1: which of our parties functional calls come from. Needed only when our 2.2.1 config names more
   * than one party (a platform); with one, that one is used.
   */
  from?: PartyRef;
  /**
   * 2.2.1: which of the partner's parties functional calls go to by default (a call's `options.to`
   * still overrides it). Needed only when its credentials name more than one party; with one (a single
   * CPO, or a Hub, which then receives broadcast pushes), that one is used.
   */
  to?: PartyRef;
  /** More origins the token may go to, beyond the partner's own URLs (see the client's `allowedOrigins`). */
  allowedOrigins?: readonly string[];
}

/**
 * A client for a registered partner, in the version agreed, with the token C it gave us. In 2.2.1 it
 * knows both ends of the link, our party from the config and the partner's from the credentials it
 * answered, and sends them as `OCPI-from-*` and `OCPI-to-*` on every call to a functional module (never
 * on versions, credentials or hubclientinfo, as the spec asks). When a side has several parties, say
 * which with `from` or `to`.
 *
 * @example
 * const partner = await register({ config, partnerId: 'cpo-1', versionsUrl, tokenA });
 * const client = partnerClient({ config, record: partner });
 * if (client.version === '2.2.1') for await (const location of client.locations.sender.list()) console.log(location.id);
 * @throws TypeError when the partner is not registered, or a side has several parties and none was chosen.
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_message_routing_headers
 */
export function partnerClient(options: PartnerClientOptions): OcpiClient<'lenient', UnknownFields> {
  const { config, record } = options;
  const allowed = options.allowedOrigins && { allowedOrigins: options.allowedOrigins };
  if (record.version !== '2.2.1') return clientOf(config, record, allowed);
  const ours = distinctParties(
    (config.versions['2.2.1']?.roles ?? []).map((role) => ({
      countryCode: role.country_code,
      partyId: role.party_id,
    })),
  );
  const theirs = distinctParties(
    (record.roles ?? []).map(({ countryCode, partyId }) => ({ countryCode, partyId })),
  );
  return clientOf(config, record, {
    ...allowed,
    from: options.from ?? onlyParty(ours, 'our 2.2.1 config', 'from'),
    to: options.to ?? onlyParty(theirs, `the credentials of partner ${record.id}`, 'to'),
  });
}

/** The parties in `parties`, each once, as first named (country codes and party ids are CiStrings). */
function distinctParties(parties: readonly PartyRef[]): PartyRef[] {
  const seen = new Map<string, PartyRef>();
  for (const party of parties) {
    const key = `${party.countryCode}*${party.partyId}`.toUpperCase();
    if (!seen.has(key)) seen.set(key, party);
  }
  return [...seen.values()];
}

function onlyParty(parties: readonly PartyRef[], where: string, option: 'from' | 'to'): PartyRef {
  const [only] = parties;
  if (only !== undefined && parties.length === 1) return only;
  const named = parties.map((party) => `${party.countryCode}*${party.partyId}`).join(', ');
  throw new TypeError(
    `partnerClient(): ${where} name${parties.length === 0 ? ' no party' : `s several parties (${named})`}; pass \`${option}\` to say which one routes the calls`,
  );
}

/**
 * A client for a registered partner, with the token we send it (and, in 2.2.1, routing if given), trusting
 * `allowedOrigins` besides the partner's own URLs.
 */
export function clientOf(
  config: RegistrationHandlerConfig,
  record: PartnerRecord,
  more: { from?: PartyRef; to?: PartyRef; allowedOrigins?: readonly string[] } = {},
): OcpiClient<'lenient', UnknownFields> {
  if (!record.version || !record.outgoingToken) throw new TypeError(`Partner ${record.id} is not registered`);
  return clientFor(record.version, {
    ...clientSettings(config, record.outgoingToken),
    ...more,
    ...(record.tokenEncoding && { tokenEncoding: record.tokenEncoding }),
    ...(record.versionsUrl && { versionsUrl: record.versionsUrl }),
    ...(record.versionUrl && { versionUrl: record.versionUrl }),
    endpoints: record.endpoints ?? [],
  });
}

/**
 * What we store of the credentials a partner answered our POST or PUT with: its token and its parties,
 * once every field holds to its strict type and there are at most 100 roles (lenient parsing keeps
 * over-long strings, control characters and unknown roles; we store all of it, and this token goes into
 * every later `Authorization` header). See `credentialsLimitIssues`.
 *
 * @throws OcpiValidationError naming the fields at fault, never their values.
 */
export function acceptedCredentials(
  version: OcpiVersion,
  credentials: ReadCredentials,
): { token: string; roles: PartyRole[] } {
  const issues = credentialsLimitIssues(version, credentials);
  if (issues.length > 0) throw new OcpiValidationError({ subject: "partner's credentials", issues });
  // No issue means the strict schema took them: every role is one the spec lists.
  return { token: credentials.token, roles: rolesOf(credentials as AnyCredentials) };
}

/** The partner's parties, from its credentials. */
export function rolesOf(credentials: Credentials211 | Credentials221): PartyRole[] {
  if ('roles' in credentials) {
    return credentials.roles.map((role) => ({
      role: role.role,
      countryCode: role.country_code,
      partyId: role.party_id,
      businessDetails: role.business_details,
    }));
  }
  return [
    {
      countryCode: credentials.country_code,
      partyId: credentials.party_id,
      businessDetails: credentials.business_details,
    },
  ];
}
