// OCPI 2.1.1 Tokens: the generated schemas, and what the spec adds in prose.
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_tokens.md
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
  type Allowed,
  AllowedSchema,
  AllowedValues,
  type AuthorizationInfo,
  AuthorizationInfoSchema,
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

/** A PATCH body for a Token: any of its fields (2.1.1: `last_updated` optional). */
export const TokenPatchSchema = /*@__PURE__*/ patchOf(TokenSchema);
export type TokenPatch = z.infer<typeof TokenPatchSchema>;

/** The `?type=` query of real-time authorization; RFID when absent. */
export const TokenTypeQuerySchema = /*@__PURE__*/ z.strictObject({
  type: /*@__PURE__*/ z.optional(TokenTypeSchema),
});
export type TokenTypeQuery = z.infer<typeof TokenTypeQuerySchema>;

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
