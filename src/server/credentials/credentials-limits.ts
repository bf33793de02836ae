import { isCredentialsToken } from '../../common/auth/credentials-token';
import type { OcpiVersion } from '../../common/protocol/version';
import { SPEC_RULE } from '../../common/schema/spec-rule';
import { toValidationIssues, type ValidationIssue } from '../../common/schema/validation-issue';
import { CredentialsSchema as Credentials211Schema } from '../../v211/generated/schemas';
import { CredentialsSchema as Credentials221Schema } from '../../v221/generated/schemas';

/**
 * The most roles (2.2.1) we keep of a partner. The spec sets no number, but one role per party and
 * function is what a platform lists: a CPO and eMSP in a dozen countries needs a few dozen, and a platform
 * hosting many operators under their own party ids more. A hundred leaves room for those, while the
 * record a partner makes us store stays at about 100 KB at most (each role holds about 1 KB of text).
 */
export const MAX_PARTNER_ROLES = 100;

// Enough issues to say what is wrong; a bad role repeated a hundred times need not be said a hundred times.
const MAX_LIMIT_ISSUES = 20;

/**
 * What breaks the spec in a partner's credentials, whatever the validation mode: every field is held to
 * its strict type (lengths, printable characters, the Role enum, the logo's Image), the token to printable
 * ASCII without whitespace, and the roles to at most {@link MAX_PARTNER_ROLES}. Lenient parsing keeps
 * over-long strings, control characters and unknown enum values elsewhere, but all of this we store (a
 * NUL breaks a PostgreSQL text column), put in every `Authorization` header or call, so an out-of-spec
 * value is refused rather than kept. The rules between roles (unique, a Hub alone) are for
 * `credentialsRolesProblem`. Issues name fields, never values.
 *
 * `credentials` is what a lenient parse gave: only the schema's fields are left, so a strict parse of it
 * fails on exactly what lenient mode kept.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/credentials.asciidoc#credentials_credentials_object
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/credentials.md#21-credentials-object
 */
export function credentialsLimitIssues(
  version: OcpiVersion,
  credentials: { token: string; roles?: readonly unknown[] },
): ValidationIssue[] {
  const { roles } = credentials;
  if (roles !== undefined && roles.length > MAX_PARTNER_ROLES) {
    // Said before any role is looked at: their number alone is reason enough.
    return [
      {
        path: 'roles',
        segments: ['roles'],
        code: 'too_big',
        message: `must have at most ${MAX_PARTNER_ROLES} items`,
        fatal: true,
      },
    ];
  }
  const schema = version === '2.2.1' ? Credentials221Schema : Credentials211Schema;
  const checked = schema.safeParse(credentials);
  const broken = checked.success
    ? []
    : checked.error.issues.filter((issue) => issue.code !== 'custom' || issue.params?.ocpi !== SPEC_RULE);
  const issues = toValidationIssues(broken, credentials, MAX_LIMIT_ISSUES);
  if (!isCredentialsToken(credentials.token) && !issues.some((issue) => issue.path === 'token')) {
    issues.unshift({
      path: 'token',
      segments: ['token'],
      code: 'custom',
      message: 'must be printable ASCII without whitespace',
      fatal: true,
    });
  }
  return issues;
}
