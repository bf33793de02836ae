import * as z from 'zod/mini';
import { operation, paginatedOperation } from '../../common/transport/operation';
import { AuthorizationInfoSchema, LocationReferencesSchema, TokenSchema } from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';
import { TokenPatchSchema, TokenTypeQuerySchema } from '../schemas/tokens';

const cpoToken = '/{country_code}/{party_id}/{token_uid}';

/**
 * The Tokens operations: the CPO takes pushes; the eMSP serves the list and answers real-time
 * authorization requests, optionally about a location.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_tokens.md#2-interfaces-and-endpoints
 */
export const TokensOperations = {
  cpo: {
    getToken: /*@__PURE__*/ operation({ method: 'GET', path: cpoToken, response: TokenSchema }),
    putToken: /*@__PURE__*/ operation({ method: 'PUT', path: cpoToken, request: TokenSchema }),
    patchToken: /*@__PURE__*/ operation({ method: 'PATCH', path: cpoToken, request: TokenPatchSchema }),
  },
  emsp: {
    list: /*@__PURE__*/ paginatedOperation(ListQuerySchema, TokenSchema),
    authorize: /*@__PURE__*/ operation({
      method: 'POST',
      path: '/{token_uid}/authorize',
      query: TokenTypeQuerySchema,
      request: /*@__PURE__*/ z.optional(LocationReferencesSchema),
      response: AuthorizationInfoSchema,
    }),
  },
} as const;
