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
 * The Tokens operations: the CPO takes pushes; the eMSP serves the list and answers real-time
 * authorization requests, optionally about a location. 2.1.1: the CPO's calls name a TokenSchema as Schema<Token> by its uid
 * alone (2.2.1 adds its `type`).
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_tokens.md#2-interfaces-and-endpoints
 */
export const TokensOperations = {
  cpo: {
    getToken: /*@__PURE__*/ operation({
      method: 'GET',
      path: '/{country_code}/{party_id}/{token_uid}',
      response: TokenSchema as Schema<Token>,
    }),
    putToken: /*@__PURE__*/ operation({
      method: 'PUT',
      path: '/{country_code}/{party_id}/{token_uid}',
      request: TokenSchema as Schema<Token>,
    }),
    patchToken: /*@__PURE__*/ operation({
      method: 'PATCH',
      path: '/{country_code}/{party_id}/{token_uid}',
      request: TokenPatchSchema as Schema<TokenPatch>,
    }),
  },
  emsp: /*@__PURE__*/ tokensSenderOperations<
    ListQuery,
    Token,
    TokenTypeQuery,
    LocationReferences,
    AuthorizationInfo
  >(
    ListQuerySchema,
    TokenSchema as Schema<Token>,
    TokenTypeQuerySchema,
    LocationReferencesSchema,
    AuthorizationInfoSchema,
  ),
} as const;

/** The calls of a CPO's Tokens interface (push Tokens to it), bound by `createClient`. */
export interface TokensCpoCalls extends BoundOperations<typeof TokensOperations.cpo> {}
/** The calls of an eMSP's Tokens interface (pull its Tokens, authorize one), bound by `createClient`. */
export interface TokensEmspCalls extends BoundOperations<typeof TokensOperations.emsp> {}
