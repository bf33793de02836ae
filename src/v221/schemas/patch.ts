import type * as z from 'zod/mini';
import { definePatchSchema, type PatchRule } from '../../common/schema/patch';
import type { InferredOutput, PartialShape, SpecObjectSchema } from '../../common/schema/spec-object';
import { DateTimeSchema } from '../primitives';

/**
 * The PATCH body for an object: any of its fields, and `last_updated` always, as 2.2.1 requires of
 * every PATCH (a missing one is status 2001). Unknown fields stay refused in strict mode, and `rule`
 * checks the prose rules of the fields that are given.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_patch
 */
/* @__NO_SIDE_EFFECTS__ */
export function patchOf<Shape extends z.core.$ZodLooseShape>(
  schema: z.ZodMiniObject<Shape, z.core.$strict>,
  rule?: PatchRule<Shape>,
): z.ZodMiniObject<PatchShape<Shape>, z.core.$strict> {
  // zod's own type of this object is PatchShape spelled out; the name is for declarations and hovers.
  return definePatchSchema(schema, { last_updated: DateTimeSchema }, rule) as z.ZodMiniObject<
    PatchShape<Shape>,
    z.core.$strict
  >;
}

/** The shape of a 2.2.1 PATCH body: any field of `Shape`, and `last_updated` always. */
export type PatchShape<Shape extends z.core.$ZodShape> = Omit<PartialShape<Shape>, 'last_updated'> & {
  last_updated: typeof DateTimeSchema;
};

/** What zod makes of a PATCH body of `Shape`: what each named PATCH type (`LocationPatch`) extends. */
export type PatchBody<Shape extends z.core.$ZodShape> = InferredOutput<PatchShape<Shape>>;

/**
 * A PATCH schema declared by the name of its body, as the generated objects are: `z.output` of it is
 * `LocationPatch`, which the operations tables and the client's hovers then show.
 */
export type PatchSchema<Shape extends z.core.$ZodShape, Body extends PatchBody<Shape>> = SpecObjectSchema<
  PatchShape<Shape>,
  Body
>;
