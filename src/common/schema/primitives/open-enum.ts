import * as z from 'zod/mini';

/**
 * Any string, typed as the values the spec knows or any other, so that editors still suggest the known
 * ones: for enums a party may legitimately go beyond (versions it offers, custom modules).
 */
/* @__NO_SIDE_EFFECTS__ */
export function openEnum<const Values extends readonly string[]>(_known: Values) {
  return z.string() as unknown as z.ZodMiniType<Values[number] | (string & {})>;
}
