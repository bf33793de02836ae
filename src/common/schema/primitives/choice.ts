import * as z from 'zod/mini';
import { SPEC_RULE, typesIntact } from '../spec-rule';
import { countChosen } from './choice-count';

/**
 * An object whose spec table says "Choice: one of N" for some fields: exactly one of each group must
 * be chosen (2.1.1 `Hours`: `regular_hours` or `twentyfourseven`). A boolean branch is chosen only when
 * true and a list only when it has entries, so the spec's own example (2.1.1 mod_locations.md 4.19.1:
 * `twentyfourseven: false` beside regular hours) is one choice. None of the fields given at all is an
 * error in every mode; more than one chosen, or fields given that choose nothing, is a broken rule that
 * lenient parsing keeps and reports.
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
          const value = payload.value;
          const count = countChosen(value, fields);
          if (count === 1) return;
          const names = fields.join(' or ');
          if (count === 0 && fields.every((field) => value[field] === undefined)) {
            payload.issues.push({ code: 'custom', path: [], input: value, message: `needs ${names}` });
            return;
          }
          // A `false` among the fields names what it leaves to be given instead.
          const off = fields.find((field) => value[field] === false);
          const others = fields.filter((field) => field !== off).join(' or ');
          payload.issues.push({
            code: 'custom',
            path: [],
            input: value,
            message:
              count > 1
                ? `must have only one of ${names}`
                : off
                  ? `needs ${others} when ${off} is false`
                  : `needs ${names} (an empty list chooses nothing)`,
            params: { ocpi: SPEC_RULE },
            continue: true,
          });
        },
        { when: typesIntact },
      ),
    ),
  ) as S;
}
