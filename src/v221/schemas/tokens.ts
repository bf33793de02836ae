// OCPI 2.2.1 Tokens: the PATCH body and the query of the single-Token calls. The objects are generated
// (../generated/schemas.ts).
// Spec: https://github.com/ocpi/ocpi/blob/v2.2.1-d2/mod_tokens.asciidoc
import * as z from 'zod/mini';
import type { InferredOutput, SpecObjectSchema } from '../../common/schema/spec-object';
import { TokenSchema, type TokenShape, TokenTypeSchema } from '../generated/schemas';
import { type PatchBody, type PatchSchema, patchOf } from './patch';

/** A PATCH body for a Token: any of its fields, `last_updated` always. */
export const TokenPatchSchema: PatchSchema<TokenShape, TokenPatch> = /*@__PURE__*/ patchOf(TokenSchema);
export interface TokenPatch extends PatchBody<TokenShape> {}

/** The `?type=` query of the single-Token calls and of real-time authorization; RFID when absent. */
export const TokenTypeQuerySchema: SpecObjectSchema<TokenTypeQueryShape, TokenTypeQuery> =
  /*@__PURE__*/ z.strictObject({
    type: /*@__PURE__*/ z.optional(TokenTypeSchema),
  });
type TokenTypeQueryShape = { type: z.ZodMiniOptional<typeof TokenTypeSchema> };
export interface TokenTypeQuery extends InferredOutput<TokenTypeQueryShape> {}
