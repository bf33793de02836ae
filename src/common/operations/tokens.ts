import * as z from 'zod/mini';
import { operation, paginatedOperation, type Schema } from '../transport/operation';

/**
 * The Tokens interface of the party that owns them (the eMSP; 2.2.1 calls it the Sender): the list, and
 * real-time authorization of one token, optionally for a location (the body may be left out).
 */
/* @__NO_SIDE_EFFECTS__ */
export function tokensSenderOperations<
  ListQuery,
  Token,
  TokenTypeQuery,
  LocationReferences,
  AuthorizationInfo,
>(
  query: Schema<ListQuery>,
  token: Schema<Token>,
  tokenType: Schema<TokenTypeQuery>,
  locationReferences: Schema<LocationReferences>,
  authorizationInfo: Schema<AuthorizationInfo>,
) {
  return {
    list: paginatedOperation(query, token),
    authorize: operation({
      method: 'POST',
      path: '/{token_uid}/authorize',
      query: tokenType,
      request: z.optional(locationReferences) as Schema<LocationReferences | undefined>,
      response: authorizationInfo,
    }),
  } as const;
}
