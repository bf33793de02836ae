import { credentialsOperations } from '../../common/operations/credentials';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import type { ClientCalls } from '../../common/transport/typed-calls';
import { CredentialsSchema } from '../generated/schemas';

/**
 * The credentials calls, the same for both parties: read, register (POST), update or switch version
 * (PUT), and unregister (DELETE). 2.1.1: the credentials carry one party (`party_id`, `country_code`,
 * `business_details`); 2.2.1 has a list of roles.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/credentials.md#1-interfaces-and-endpoints
 */
export const CredentialsOperations = /*@__PURE__*/ credentialsOperations(CredentialsSchema);

/** The calls of a partner's credentials endpoint, bound by `createClient`. */
export interface CredentialsCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof CredentialsOperations, Mode, Unknown> {}
