// The character rules of the OCPI string types as plain predicates, with no zod: the zod primitives
// (printable-string.ts) and the compiled validators (scripts/codegen/emit-compiled.ts) both use them.

// Printable ASCII is U+0020..U+007E: no tabs, no line breaks, no DEL.
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
// Printable UTF-8: anything but control characters (C0, DEL, C1), lone surrogates (which cannot be
// encoded as UTF-8) and the Unicode line and paragraph separators. A single negated class: linear time.
const PRINTABLE_UNICODE = /^[^\p{Cc}\p{Cs}\p{Zl}\p{Zp}]*$/u;

/** What a string with a character outside printable ASCII is told (both the zod and the compiled path). */
export const NOT_PRINTABLE_ASCII_MESSAGE = 'must contain only printable ASCII characters';

/** What a 2.2.1 `string` with a non-printable character is told (both the zod and the compiled path). */
export const NOT_PRINTABLE_UNICODE_MESSAGE = 'must contain only printable characters';

/** Whether `value` holds only printable ASCII (2.1.1 `string`, `CiString` of both versions). */
export function isPrintableAscii(value: string): boolean {
  return PRINTABLE_ASCII.test(value);
}

/** Whether `value` holds only printable Unicode characters (2.2.1 `string`). */
export function isPrintableUnicode(value: string): boolean {
  return PRINTABLE_UNICODE.test(value);
}

/** Whether `value` has at most `maximum` Unicode code points (not UTF-16 units). */
export function hasAtMostCodePoints(value: string, maximum: number): boolean {
  // Fast path: a string with no more UTF-16 units than the limit has no more code points either.
  if (value.length <= maximum) return true;
  let count = 0;
  for (const _ of value) count++;
  return count <= maximum;
}
