import { tokensSenderOperations } from '../../common/operations/tokens';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import { operation } from '../../common/transport/operation';
import type { ClientCalls } from '../../common/transport/typed-calls';
import { AuthorizationInfoSchema, LocationReferencesSchema, TokenSchema } from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';
import { TokenPatchSchema, TokenTypeQuerySchema } from '../schemas/tokens';

/**
 * The Tokens operations: the CPO takes pushes; the eMSP serves the list and answers real-time
 * authorization requests, optionally about a location. 2.1.1: the CPO's calls name a Token by its uid
 * alone (2.2.1 adds its `type`).
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_tokens.md#2-interfaces-and-endpoints
 */
export const TokensOperations = {
  cpo: {
    getToken: /*@__PURE__*/ operation({
      method: 'GET',
      path: '/{country_code}/{party_id}/{token_uid}',
      response: TokenSchema,
    }),
    putToken: /*@__PURE__*/ operation({
      method: 'PUT',
      path: '/{country_code}/{party_id}/{token_uid}',
      request: TokenSchema,
    }),
    patchToken: /*@__PURE__*/ operation({
      method: 'PATCH',
      path: '/{country_code}/{party_id}/{token_uid}',
      request: TokenPatchSchema,
    }),
  },
  emsp: /*@__PURE__*/ tokensSenderOperations(
    ListQuerySchema,
    TokenSchema,
    TokenTypeQuerySchema,
    LocationReferencesSchema,
    AuthorizationInfoSchema,
  ),
} as const;

/** The calls of a CPO's Tokens interface (push Tokens to it), bound by `createClient`. */
export interface TokensCpoCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof TokensOperations.cpo, Mode, Unknown> {}
/** The calls of an eMSP's Tokens interface (pull its Tokens, authorize one), bound by `createClient`. */
export interface TokensEmspCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof TokensOperations.emsp, Mode, Unknown> {}
