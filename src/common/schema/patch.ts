import * as z from 'zod/mini';
import { type RuleReporter, rulesInside, specRule } from './spec-rule';

/** The rule of an object from its version's rules table, run on the fields a PATCH carries. */
export type PatchRule<Shape extends z.core.$ZodLooseShape> = (
  value: Partial<z.infer<z.ZodMiniObject<Shape, z.core.$strict>>>,
  report: RuleReporter,
) => void;

/**
 * Builds a version's PATCH body for an object: any of its fields, the fields `required` adds (2.2.1's
 * `last_updated`), and unknown fields still refused in strict mode. `rule`, the object's own rule from
 * the rules table, checks the fields that are given; the objects inside bring their rules with their
 * schemas (judged, like the object's own, once every field given has its type).
 */
/* @__NO_SIDE_EFFECTS__ */
export function definePatchSchema<
  Shape extends z.core.$ZodLooseShape,
  Required extends z.core.$ZodLooseShape,
>(schema: z.ZodMiniObject<Shape, z.core.$strict>, required: Required, rule?: PatchRule<Shape>) {
  // The same fields in a new object: zod makes no partial of a schema that carries checks (its rule).
  const patch = z.extend(z.partial(z.strictObject(schema.shape)), required);
  return patch.check(
    rule ? specRule<z.output<typeof patch>>((value, report) => rule(value as never, report)) : rulesInside(),
  );
}
