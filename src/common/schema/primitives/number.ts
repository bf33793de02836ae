import * as z from 'zod/mini';

/**
 * OCPI `number`: a JSON number. Identical in 2.1.1 and 2.2.1. The spec's "4 decimals" is a
 * formatting advice for senders, so it is not enforced on receipt.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/types.asciidoc#types_number_type
 */
export const NumberSchema = /*@__PURE__*/ z.number();

/** OCPI `int`, used by the spec tables for counts, sizes and status codes: a safe JSON integer. */
export const IntSchema = /*@__PURE__*/ z.int();

/** A JSON `true` or `false`. */
export const BooleanSchema = /*@__PURE__*/ z.boolean();

/**
 * OCPI `int(n)`: an integer of at most `maxDigits` digits, e.g. `int(5)` for an image's width.
 * Without `maxDigits`, any safe integer.
 */
/* @__NO_SIDE_EFFECTS__ */
export function int(maxDigits?: number): z.ZodMiniInt {
  if (maxDigits === undefined) return z.int();
  const limit = 10 ** maxDigits - 1;
  return z.int().check(z.gte(-limit), z.lte(limit));
}
