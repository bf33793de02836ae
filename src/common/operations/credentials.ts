import { operation, type Schema } from '../transport/operation';

/**
 * The credentials calls, alike in both versions and for both parties: read the other party's view of us,
 * register (POST), update or switch version (PUT), and unregister (DELETE), all at the module's endpoint.
 */
/* @__NO_SIDE_EFFECTS__ */
export function credentialsOperations<Credentials>(credentials: Schema<Credentials>) {
  return {
    getCredentials: operation({ method: 'GET', path: '', response: credentials }),
    postCredentials: operation({ method: 'POST', path: '', request: credentials, response: credentials }),
    putCredentials: operation({ method: 'PUT', path: '', request: credentials, response: credentials }),
    deleteCredentials: operation({ method: 'DELETE', path: '' }),
  } as const;
}
