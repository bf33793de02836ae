import { operation } from '../../common/transport/operation';
import { CredentialsSchema } from '../schemas/credentials';

/**
 * The credentials calls, the same for both parties: read the other party's view of us, register
 * (POST), update or switch version (PUT), and unregister (DELETE).
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/credentials.asciidoc#credentials_interfaces_and_endpoints
 */
export const CredentialsOperations = {
  getCredentials: /*@__PURE__*/ operation({ method: 'GET', path: '', response: CredentialsSchema }),
  postCredentials: /*@__PURE__*/ operation({
    method: 'POST',
    path: '',
    request: CredentialsSchema,
    response: CredentialsSchema,
  }),
  putCredentials: /*@__PURE__*/ operation({
    method: 'PUT',
    path: '',
    request: CredentialsSchema,
    response: CredentialsSchema,
  }),
  deleteCredentials: /*@__PURE__*/ operation({ method: 'DELETE', path: '' }),
} as const;
