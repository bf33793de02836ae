// OCPI 2.1.1 Tokens: the PATCH body and the query of real-time authorization. The objects are generated
// (../generated/schemas.ts).
// Spec: https://github.com/ocpi/ocpi/blob/2.1.1-d2/mod_tokens.md
import * as z from 'zod/mini';
import { TokenSchema, TokenTypeSchema } from '../generated/schemas';
import { patchOf } from './patch';

/** A PATCH body for a Token: any of its fields (2.1.1: `last_updated` optional). */
export const TokenPatchSchema = /*@__PURE__*/ patchOf(TokenSchema);
export interface TokenPatch extends z.output<typeof TokenPatchSchema> {}

/** The `?type=` query of real-time authorization; RFID when absent. */
export const TokenTypeQuerySchema = /*@__PURE__*/ z.strictObject({
  type: /*@__PURE__*/ z.optional(TokenTypeSchema),
});
export interface TokenTypeQuery extends z.output<typeof TokenTypeQuerySchema> {}
