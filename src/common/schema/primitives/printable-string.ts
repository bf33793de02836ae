import * as z from 'zod/mini';

// Printable ASCII is U+0020..U+007E: no tabs, no line breaks, no DEL.
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
// Printable UTF-8: anything but control characters (C0, DEL, C1), lone surrogates (which cannot be
// encoded as UTF-8) and the Unicode line and paragraph separators. A single negated class: linear time.
const PRINTABLE_UNICODE = /^[^\p{Cc}\p{Cs}\p{Zl}\p{Zp}]*$/u;

/** The `params.ocpi` tag on an issue about a character that the string type does not allow. */
export const NOT_PRINTABLE = 'not-printable';

/**
 * A string of printable ASCII characters, at most `maxLength` long when given.
 * The building block of OCPI 2.1.1 `string(n)` and of `CiString(n)` in both versions.
 */
/* @__NO_SIDE_EFFECTS__ */
export function printableAscii(maxLength?: number): z.ZodMiniString<string> {
  const printable = z.refine<string>((value) => PRINTABLE_ASCII.test(value), {
    error: 'must contain only printable ASCII characters',
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
  const printable = z.refine<string>((value) => PRINTABLE_UNICODE.test(value), {
    error: 'must contain only printable characters',
    params: { ocpi: NOT_PRINTABLE },
  });
  return maxLength === undefined
    ? z.string().check(printable)
    : z.string().check(maxCodePoints(maxLength), printable);
}

/* @__NO_SIDE_EFFECTS__ */
function maxCodePoints(maximum: number) {
  return z.check<string>((payload) => {
    // Fast path: a string with no more UTF-16 units than the limit has no more code points either.
    if (payload.value.length <= maximum) return;
    let count = 0;
    for (const _ of payload.value) count++;
    if (count <= maximum) return;
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
