import { tokensSenderOperations } from '../../common/operations/tokens';
import type { ValidationSetting } from '../../common/schema/lenient-types';
import type { UnknownFields } from '../../common/schema/parse';
import { operation } from '../../common/transport/operation';
import type { ClientCalls } from '../../common/transport/typed-calls';
import { AuthorizationInfoSchema, LocationReferencesSchema, TokenSchema } from '../generated/schemas';
import { ListQuerySchema } from '../schemas/list-query';
import { TokenPatchSchema, TokenTypeQuerySchema } from '../schemas/tokens';

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
      query: TokenTypeQuerySchema,
      response: TokenSchema,
    }),
    putToken: /*@__PURE__*/ operation({
      method: 'PUT',
      path: '/{country_code}/{party_id}/{token_uid}',
      query: TokenTypeQuerySchema,
      request: TokenSchema,
    }),
    patchToken: /*@__PURE__*/ operation({
      method: 'PATCH',
      path: '/{country_code}/{party_id}/{token_uid}',
      query: TokenTypeQuerySchema,
      request: TokenPatchSchema,
    }),
  },
  sender: /*@__PURE__*/ tokensSenderOperations(
    ListQuerySchema,
    TokenSchema,
    TokenTypeQuerySchema,
    LocationReferencesSchema,
    AuthorizationInfoSchema,
  ),
} as const;

/** The calls of a partner's Tokens Receiver interface (push Tokens to it), bound by `createClient`. */
export interface TokensReceiverCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof TokensOperations.receiver, Mode, Unknown> {}
/** The calls of a partner's Tokens Sender interface (pull its Tokens, authorize one), bound by `createClient`. */
export interface TokensSenderCalls<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> extends ClientCalls<typeof TokensOperations.sender, Mode, Unknown> {}
