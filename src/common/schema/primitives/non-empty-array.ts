import * as z from 'zod/mini';

/**
 * A list with at least one item: the spec's `+` cardinality. A function rather than an inline
 * `z.array(x).check(...)`, because bundlers cannot tell that a method call is free of side effects and
 * would keep every schema such a call mentions.
 */
/* @__NO_SIDE_EFFECTS__ */
export function nonEmptyArray<T extends z.ZodMiniType>(item: T): z.ZodMiniArray<T> {
  return z.array(item).check(z.minLength(1));
}
