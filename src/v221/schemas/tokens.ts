// OCPI 2.2.1 Tokens: the PATCH body and the query of the single-Token calls. The objects are generated
// (../generated/schemas.ts).
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_tokens.asciidoc
import * as z from 'zod/mini';
import { TokenSchema, TokenTypeSchema } from '../generated/schemas';
import { patchOf } from './patch';

/** A PATCH body for a Token: any of its fields, `last_updated` always. */
export const TokenPatchSchema = /*@__PURE__*/ patchOf(TokenSchema);
export interface TokenPatch extends z.output<typeof TokenPatchSchema> {}

/** The `?type=` query of the single-Token calls and of real-time authorization; RFID when absent. */
export const TokenTypeQuerySchema = /*@__PURE__*/ z.strictObject({
  type: /*@__PURE__*/ z.optional(TokenTypeSchema),
});
export interface TokenTypeQuery extends z.output<typeof TokenTypeQuerySchema> {}
