import { credentialsOperations } from '../../common/operations/credentials';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import type { ClientCalls } from '../../common/transport/typed-calls';
import { CredentialsSchema } from '../generated/schemas';

/**
 * The credentials calls, the same for both parties: read the other party's view of us, register
 * (POST), update or switch version (PUT), and unregister (DELETE). 2.2.1: the credentials carry a list of
 * roles, each with its party and business details.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/credentials.asciidoc#credentials_interfaces_and_endpoints
 */
export const CredentialsOperations = /*@__PURE__*/ credentialsOperations(CredentialsSchema);

/** The calls of a partner's credentials endpoint, bound by `createClient`. */
export interface CredentialsCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof CredentialsOperations, Mode, Unknown> {}
