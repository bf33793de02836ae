import type * as z from 'zod/mini';
import { printableAscii } from './printable-string';

/**
 * OCPI `CiString(n)`: a case-insensitive string of printable ASCII, at most `maxLength` characters.
 * Identical in 2.1.1 and 2.2.1. Validation keeps the value as sent; compare with {@link ciEquals}.
 *
 * @example
 * const PartyIdSchema = CiString(3);
 * PartyIdSchema.parse('TNM');
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/types.asciidoc#types_cistring_type (2.2.1), https://github.com/ocpi/ocpi/blob/2.1.1-d2/types.md#11-cistring-type (2.1.1)
 */
/* @__NO_SIDE_EFFECTS__ */
export function CiString(maxLength?: number): z.ZodMiniString<string> {
  return printableAscii(maxLength);
}

/**
 * Compares two `CiString` values as the spec asks: without regard to case. ASCII-only folding, since
 * CiString holds only ASCII.
 */
export function ciEquals(a: string, b: string): boolean {
  return a.length === b.length && asciiLowerCase(a) === asciiLowerCase(b);
}

function asciiLowerCase(value: string): string {
  return value.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}
