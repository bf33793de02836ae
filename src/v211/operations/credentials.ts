import { operation } from '../../common/transport/operation';
import { CredentialsSchema } from '../generated/schemas';

/**
 * The credentials calls, the same for both parties: read, register (POST), update or switch version
 * (PUT), and unregister (DELETE). 2.1.1: the credentials carry one party (`party_id`, `country_code`,
 * `business_details`); 2.2.1 has a list of roles.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/credentials.md#1-interfaces-and-endpoints
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
