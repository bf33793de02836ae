import type * as z from 'zod/mini';
import { definePatchSchema, type PatchRule } from '../../common/schema/patch';
import type { InferredOutput, PartialShape, SpecObjectSchema } from '../../common/schema/spec-object';

/**
 * The PATCH body for an object: any of its fields. 2.1.1 does not require `last_updated` in a PATCH
 * (2.2.1 does). Unknown fields stay refused in strict mode, and `rule` checks the prose rules of
 * the fields that are given.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/transport_and_format.md#patch
 */
/* @__NO_SIDE_EFFECTS__ */
export function patchOf<Shape extends z.core.$ZodLooseShape>(
  schema: z.ZodMiniObject<Shape, z.core.$strict>,
  rule?: PatchRule<Shape>,
): z.ZodMiniObject<PartialShape<Shape>, z.core.$strict> {
  // zod's own type of this object is PartialShape spelled out (extended by nothing, which the checker
  // cannot see through generically); the name is for declarations and hovers.
  return definePatchSchema(schema, {}, rule) as unknown as z.ZodMiniObject<
    PartialShape<Shape>,
    z.core.$strict
  >;
}

/** What zod makes of a PATCH body of `Shape`: what each named PATCH type (`LocationPatch`) extends. */
export type PatchBody<Shape extends z.core.$ZodShape> = InferredOutput<PartialShape<Shape>>;

/**
 * A PATCH schema declared by the name of its body, as the generated objects are: `z.output` of it is
 * `LocationPatch`, which the operations tables and the client's hovers then show.
 */
export type PatchSchema<Shape extends z.core.$ZodShape, Body extends PatchBody<Shape>> = SpecObjectSchema<
  PartialShape<Shape>,
  Body
>;
