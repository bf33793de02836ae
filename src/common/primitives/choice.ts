import * as z from 'zod/mini';
import { SPEC_RULE, typesIntact } from '../spec-rule';

/**
 * An object whose spec table says "Choice: one of N" for some fields: exactly one of each group must
 * be given (2.1.1 `Hours`: `regular_hours` or `twentyfourseven`). None given is an error in every
 * mode; more than one is a broken rule that lenient parsing keeps and reports.
 */
/* @__NO_SIDE_EFFECTS__ */
export function withChoices<S extends z.ZodMiniObject>(
  schema: S,
  ...groups: readonly (readonly string[])[]
): S {
  return schema.check(
    ...groups.map((fields) =>
      z.check<Record<string, unknown>>(
        (payload) => {
          const given = fields.filter((field) => payload.value[field] !== undefined);
          if (given.length === 1) return;
          const names = fields.join(' or ');
          payload.issues.push(
            given.length === 0
              ? { code: 'custom', path: [], input: payload.value, message: `needs ${names}` }
              : {
                  code: 'custom',
                  path: [],
                  input: payload.value,
                  message: `must have only one of ${names}`,
                  params: { ocpi: SPEC_RULE },
                  continue: true,
                },
          );
        },
        { when: typesIntact },
      ),
    ),
  ) as S;
}
