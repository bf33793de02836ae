import * as z from 'zod/mini';
import {
  hasAtMostCodePoints,
  isPrintableAscii,
  isPrintableUnicode,
  NOT_PRINTABLE_ASCII_MESSAGE,
  NOT_PRINTABLE_UNICODE_MESSAGE,
} from './printable';

/** The `params.ocpi` tag on an issue about a character that the string type does not allow. */
export const NOT_PRINTABLE = 'not-printable';

/**
 * A string of printable ASCII characters, at most `maxLength` long when given.
 * The building block of OCPI 2.1.1 `string(n)` and of `CiString(n)` in both versions.
 */
/* @__NO_SIDE_EFFECTS__ */
export function printableAscii(maxLength?: number): z.ZodMiniString<string> {
  const printable = z.refine<string>(isPrintableAscii, {
    error: NOT_PRINTABLE_ASCII_MESSAGE,
    params: { ocpi: NOT_PRINTABLE },
  });
  return maxLength === undefined
    ? z.string().check(printable)
    : z.string().check(z.maxLength(maxLength), printable);
}

/**
 * A string of printable Unicode characters, at most `maxLength` characters (Unicode code points,
 * not UTF-16 units or UTF-8 bytes) long when given. The building block of OCPI 2.2.1 `string(n)`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function printableUnicode(maxLength?: number): z.ZodMiniString<string> {
  const printable = z.refine<string>(isPrintableUnicode, {
    error: NOT_PRINTABLE_UNICODE_MESSAGE,
    params: { ocpi: NOT_PRINTABLE },
  });
  return maxLength === undefined
    ? z.string().check(printable)
    : z.string().check(maxCodePoints(maxLength), printable);
}

/* @__NO_SIDE_EFFECTS__ */
function maxCodePoints(maximum: number) {
  return z.check<string>((payload) => {
    if (hasAtMostCodePoints(payload.value, maximum)) return;
    payload.issues.push({
      code: 'too_big',
      origin: 'string',
      maximum,
      inclusive: true,
      input: payload.value,
      // As zod's own length checks: the value is still a string, so later checks still run.
      continue: true,
    });
  });
}
