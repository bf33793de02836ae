import * as z from 'zod/mini';
import { type RuleReporter, specRule } from '../../common/schema/spec-rule';
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
  rule?: (value: Partial<z.infer<z.ZodMiniObject<Shape, z.core.$strict>>>, report: RuleReporter) => void,
) {
  const patch = z.extend(z.partial(schema), { last_updated: DateTimeSchema });
  // The prose rules of the fields a PATCH does carry still hold.
  return rule
    ? patch.check(specRule<z.output<typeof patch>>((value, report) => rule(value as never, report)))
    : patch;
}
