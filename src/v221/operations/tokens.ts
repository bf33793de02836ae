import * as z from 'zod/mini';
import { operation, paginatedOperation } from '../../common/transport/operation';
import { AuthorizationInfoSchema, LocationReferencesSchema, TokenSchema } from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';
import { TokenPatchSchema, TokenTypeQuerySchema } from '../schemas/tokens';

const receiverToken = '/{country_code}/{party_id}/{token_uid}';

/**
 * The Tokens operations: the Receiver (typically a CPO) takes pushes; the Sender (typically an eMSP)
 * serves the list and answers real-time authorization requests, optionally about a location.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_tokens.asciidoc#mod_tokens_interfaces_and_endpoints
 */
export const TokensOperations = {
  receiver: {
    getToken: /*@__PURE__*/ operation({
      method: 'GET',
      path: receiverToken,
      query: TokenTypeQuerySchema,
      response: TokenSchema,
    }),
    putToken: /*@__PURE__*/ operation({
      method: 'PUT',
      path: receiverToken,
      query: TokenTypeQuerySchema,
      request: TokenSchema,
    }),
    patchToken: /*@__PURE__*/ operation({
      method: 'PATCH',
      path: receiverToken,
      query: TokenTypeQuerySchema,
      request: TokenPatchSchema,
    }),
  },
  sender: {
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
