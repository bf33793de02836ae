// OCPI 2.2.1 Credentials: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/credentials.asciidoc

import { specRule } from '../../common/schema/spec-rule';
import * as generated from '../generated/schemas';
import { checkCredentials } from './rules';

export { type Credentials, type CredentialsRole, CredentialsRoleSchema } from '../generated/schemas';

/**
 * OCPI 2.2.1 `Credentials`: a token of printable ASCII without whitespace, each role once per
 * `party_id` and `country_code`, and a Hub with the HUB role only.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/credentials.asciidoc#credentials_credentials_object
 */
export const CredentialsSchema = /*@__PURE__*/ generated.CredentialsSchema.check(
  /*@__PURE__*/ specRule(checkCredentials),
);
