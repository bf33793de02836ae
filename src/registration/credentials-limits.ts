import { isCredentialsToken } from '../common/auth/credentials-token';
import { toValidationIssues, type ValidationIssue } from '../common/validation-issue';
import type { OcpiVersion } from '../common/version';
import { CredentialsSchema as Credentials211Schema } from '../v211/schemas/credentials';
import { CredentialsSchema as Credentials221Schema } from '../v221/schemas/credentials';

/**
 * What breaks the spec's limits in a partner's credentials, whatever the validation mode: a token that
 * is not printable ASCII without whitespace, and any string longer than its field allows (token 64,
 * url 255, party_id 3, country_code 2, the business details' name, website and logo). Lenient parsing
 * keeps such values elsewhere, but these we store, put in every `Authorization` header or call, so an
 * out-of-spec one is refused rather than kept. Issues name fields, never values.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/credentials.asciidoc#credentials_credentials_object
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/credentials.md#21-credentials-object
 */
export function credentialsLimitIssues(
  version: OcpiVersion,
  credentials: { token: string },
): ValidationIssue[] {
  const schema = version === '2.2.1' ? Credentials221Schema : Credentials211Schema;
  const checked = schema.safeParse(credentials);
  const overLong = checked.success
    ? []
    : checked.error.issues.filter((issue) => issue.code === 'too_big' && issue.origin === 'string');
  const issues = toValidationIssues(overLong, credentials);
  if (!isCredentialsToken(credentials.token) && !issues.some((issue) => issue.path === 'token')) {
    issues.unshift({
      path: 'token',
      segments: ['token'],
      code: 'custom',
      message: 'must be printable ASCII without whitespace',
    });
  }
  return issues;
}
