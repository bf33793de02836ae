import * as z from 'zod/mini';
import { type RuleReporter, specRule } from '../../common/schema/spec-rule';

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
  rule?: (value: Partial<z.infer<z.ZodMiniObject<Shape, z.core.$strict>>>, report: RuleReporter) => void,
) {
  const patch = z.partial(schema);
  // The prose rules of the fields a PATCH does carry still hold.
  return rule
    ? patch.check(specRule<z.output<typeof patch>>((value, report) => rule(value as never, report)))
    : patch;
}
