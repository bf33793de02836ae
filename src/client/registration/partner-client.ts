import { OcpiValidationError } from '../../common/errors/ocpi-validation-error';
import type { OcpiVersion } from '../../common/protocol/version';
import type { Lenient } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import type { ClientOptions } from '../../common/transport/client-options';
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

/** A client for a registered partner, with the token we send it. */
export function clientOf(
  config: RegistrationHandlerConfig,
  record: PartnerRecord,
): OcpiClient<'lenient', UnknownFields> {
  if (!record.version || !record.outgoingToken) throw new TypeError(`Partner ${record.id} is not registered`);
  return clientFor(record.version, {
    ...clientSettings(config, record.outgoingToken),
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
