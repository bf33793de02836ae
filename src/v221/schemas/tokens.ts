// OCPI 2.2.1 Tokens: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_tokens.asciidoc
import * as z from 'zod/mini';
import { operation, paginatedOperation } from '../../common/transport/operation';
import {
  AuthorizationInfoSchema,
  LocationReferencesSchema,
  TokenSchema,
  TokenTypeSchema,
} from '../generated/schemas';
import { ListQuerySchema } from './list-query';
import { patchOf } from './patch';

export {
  type AllowedType,
  AllowedTypeSchema,
  AllowedTypeValues,
  type AuthorizationInfo,
  AuthorizationInfoSchema,
  type EnergyContract,
  EnergyContractSchema,
  type LocationReferences,
  LocationReferencesSchema,
  type Token,
  TokenSchema,
  type TokenType,
  TokenTypeSchema,
  TokenTypeValues,
  type WhitelistType,
  WhitelistTypeSchema,
  WhitelistTypeValues,
} from '../generated/schemas';

/** A PATCH body for a Token: any of its fields, `last_updated` always. */
export const TokenPatchSchema = /*@__PURE__*/ patchOf(TokenSchema);
export type TokenPatch = z.infer<typeof TokenPatchSchema>;

/** The `?type=` query of the single-Token calls and of real-time authorization; RFID when absent. */
export const TokenTypeQuerySchema = /*@__PURE__*/ z.strictObject({
  type: /*@__PURE__*/ z.optional(TokenTypeSchema),
});
export type TokenTypeQuery = z.infer<typeof TokenTypeQuerySchema>;

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
