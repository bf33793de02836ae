import type { OcpiVersion } from '../../common/protocol/version';
import { parsePayload, type ValidationPolicy } from '../../common/schema/parse';
import { readLimitedText } from '../../common/transport/read-limited-text';
import { CredentialsSchema as Credentials211Schema } from '../../v211/generated/schemas';
import { CredentialsSchema as Credentials221Schema } from '../../v221/generated/schemas';
import { credentialRoleBreaks } from '../../v221/schemas/rules';
import type { PartyRole } from '../partners/partner-store';
import { credentialsLimitIssues } from './credentials-limits';

/** The initiator's credentials, reduced to what the registration needs. */
export interface InitiatorCredentials {
  /** Token B: what we send to the initiator from now on. */
  token: string;
  /** The initiator's versions URL. */
  url: string;
  /** Its parties: one in 2.1.1, one per role in 2.2.1. */
  roles: PartyRole[];
}

/**
 * What reading the body gave: the credentials, or why not (413 for a body over the limit, 400 for broken
 * JSON, 2001 otherwise).
 */
export type CredentialsBodyResult =
  | { ok: true; credentials: InitiatorCredentials }
  | { ok: false; tooLarge: true; message: string }
  | { ok: false; invalidJson: true }
  | { ok: false; invalidJson: false; message: string };

/**
 * The default most bytes of a credentials body. The object is small: a token of at most 64 characters, a
 * URL of at most 255, and per role a party, a country and business details (a name of 100 characters, a
 * website and a logo's two URLs of 255 each): about 1 KB a role, 6 KB if every character were escaped as
 * `\uXXXX`. 64 KiB holds dozens of roles and extension fields besides, and keeps what a holder of a
 * token A can make us read small.
 */
export const DEFAULT_MAX_CREDENTIALS_BODY_BYTES = 64 * 1024;

/**
 * Reads the credentials object of a POST or PUT in the shape of the version of the endpoint called, at
 * most `maxBytes` of it (the rest is never read). Messages name the fields at fault, never their values:
 * the body carries a token.
 */
export async function readCredentialsBody(
  request: Request,
  version: OcpiVersion,
  policy: ValidationPolicy,
  maxBytes: number,
): Promise<CredentialsBodyResult> {
  let json: unknown;
  try {
    const body = await readLimitedText(request, maxBytes);
    if (body.tooLarge) {
      return { ok: false, tooLarge: true, message: `The request body is larger than ${maxBytes} bytes` };
    }
    json = JSON.parse(body.text);
  } catch {
    // A body cut off by its sender reads as broken JSON, as it always did.
    return { ok: false, invalidJson: true };
  }
  const subject = 'Credentials';
  // What we store is only what the spec defines: extension fields are never kept, only refused on request.
  const options = {
    mode: policy.mode,
    unknownFields: policy.unknownFields === 'reject' ? 'reject' : 'strip',
    subject,
  } as const;
  const parsed =
    version === '2.2.1'
      ? parsePayload(Credentials221Schema, json, options)
      : parsePayload(Credentials211Schema, json, options);
  if (!parsed.success) {
    // Issue messages never quote the offending value (see ValidationIssue).
    const fields = parsed.error.issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`);
    return {
      ok: false,
      invalidJson: false,
      message: `Invalid credentials: ${[...new Set(fields)].join('; ')}`,
    };
  }
  const data = parsed.data;
  // Lenient mode keeps unknown roles, control characters and over-long strings, but we store all of it,
  // send the token and call the url: held to the strict types here, whatever the mode.
  const beyondLimits = credentialsLimitIssues(version, data);
  if (beyondLimits.length > 0) {
    // A handful of fields say enough: a thousand over-long roles must not make a thousand-line answer.
    const fields = beyondLimits.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`);
    const more = beyondLimits.length > 5 ? ` (and ${beyondLimits.length - 5} more)` : '';
    return { ok: false, invalidJson: false, message: `Invalid credentials: ${fields.join('; ')}${more}` };
  }
  const rolesProblem = 'roles' in data ? credentialsRolesProblem(data.roles) : undefined;
  if (rolesProblem !== undefined) {
    return { ok: false, invalidJson: false, message: `Invalid credentials: ${rolesProblem}` };
  }
  const roles: PartyRole[] =
    'roles' in data
      ? data.roles.map((role) => ({
          role: role.role,
          countryCode: role.country_code,
          partyId: role.party_id,
          businessDetails: businessDetails(role.business_details),
        }))
      : [
          {
            countryCode: data.country_code,
            partyId: data.party_id,
            businessDetails: businessDetails(data.business_details),
          },
        ];
  return { ok: true, credentials: { token: data.token, url: data.url, roles } };
}

/**
 * Why a 2.2.1 roles list breaks the rules the credentials object sets for it, or `undefined`: at least
 * one role, and the schema's own role rules (credentialRoleBreaks), which lenient parsing only reports.
 * The message names the rule, never a value.
 */
export function credentialsRolesProblem(
  roles: readonly { role: string; party_id: string; country_code: string }[],
): string | undefined {
  if (roles.length === 0) return 'roles: at least one role is needed';
  const { repeated, besideHub } = credentialRoleBreaks(roles);
  if (repeated.length > 0) return 'roles: each combination of role, party_id and country_code must be unique';
  if (besideHub.length > 0) {
    return 'roles: a Hub reports only its HUB role, not the roles of the parties it connects';
  }
  return undefined;
}

// The record's shape: optional fields absent rather than `undefined`.
function businessDetails(details: {
  name: string;
  website?: string | undefined;
  logo?: unknown;
}): PartyRole['businessDetails'] {
  return {
    name: details.name,
    ...(details.website !== undefined && { website: details.website }),
    ...(details.logo !== undefined && { logo: details.logo }),
  };
}
