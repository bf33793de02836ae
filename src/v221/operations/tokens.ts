import { tokensSenderOperations } from '../../common/operations/tokens';
import type { ListQuery } from '../../common/schema/list-query';
import type { BoundOperations } from '../../common/transport/bind-operations';
import { operation, type Schema } from '../../common/transport/operation';
import {
  type AuthorizationInfo,
  AuthorizationInfoSchema,
  type LocationReferences,
  LocationReferencesSchema,
  type Token,
  TokenSchema,
} from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';
import {
  type TokenPatch,
  TokenPatchSchema,
  type TokenTypeQuery,
  TokenTypeQuerySchema,
} from '../schemas/tokens';

/**
 * The Tokens operations: the Receiver (typically a CPO) takes pushes; the Sender (typically an eMSP)
 * serves the list and answers real-time authorization requests, optionally about a location. 2.2.1:
 * every call about one token may say its `type` (RFID when left out), as uids are unique per type only.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_tokens.asciidoc#mod_tokens_interfaces_and_endpoints
 */
export const TokensOperations = {
  receiver: {
    getToken: /*@__PURE__*/ operation({
      method: 'GET',
      path: '/{country_code}/{party_id}/{token_uid}',
      query: TokenTypeQuerySchema as Schema<TokenTypeQuery>,
      response: TokenSchema as Schema<Token>,
    }),
    putToken: /*@__PURE__*/ operation({
      method: 'PUT',
      path: '/{country_code}/{party_id}/{token_uid}',
      query: TokenTypeQuerySchema as Schema<TokenTypeQuery>,
      request: TokenSchema as Schema<Token>,
    }),
    patchToken: /*@__PURE__*/ operation({
      method: 'PATCH',
      path: '/{country_code}/{party_id}/{token_uid}',
      query: TokenTypeQuerySchema as Schema<TokenTypeQuery>,
      request: TokenPatchSchema as Schema<TokenPatch>,
    }),
  },
  sender: /*@__PURE__*/ tokensSenderOperations<
    ListQuery,
    Token,
    TokenTypeQuery,
    LocationReferences,
    AuthorizationInfo
  >(
    ListQuerySchema,
    TokenSchema,
    TokenTypeQuerySchema as Schema<TokenTypeQuery>,
    LocationReferencesSchema,
    AuthorizationInfoSchema,
  ),
} as const;

/** The calls of a partner's Tokens Receiver interface (push Tokens to it), bound by `createClient`. */
export interface TokensReceiverCalls extends BoundOperations<typeof TokensOperations.receiver> {}
/** The calls of a partner's Tokens Sender interface (pull its Tokens, authorize one), bound by `createClient`. */
export interface TokensSenderCalls extends BoundOperations<typeof TokensOperations.sender> {}
