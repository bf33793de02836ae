// The checks of fields the spec ties to an ISO code list (country, currency, language, party country).
// The generator wraps each such field's table type in one of them (scripts/codegen/iso-fields.ts); each
// check reads only its own list, so a bundle carries only the lists its schemas use.
import * as z from 'zod/mini';
import { COUNTRY_ALPHA_3, CURRENCY, LANGUAGE } from '../../generated/iso-codes';
import { SPEC_RULE } from '../spec-rule';

// Shapes as single anchored classes with a fixed count: linear, nothing to backtrack.
const UPPER_3 = /^[A-Z]{3}$/;
const LOWER_2 = /^[a-z]{2}$/;
const LETTERS_2 = /^[A-Za-z]{2}$/;

/**
 * ISO 3166-1 alpha-3 (Location `country`, 2.2.1 CdrLocation `country`): three upper-case letters, an
 * assigned code.
 */
/* @__NO_SIDE_EFFECTS__ */
export function isoCountryAlpha3(schema: z.ZodMiniString<string>): z.ZodMiniString<string> {
  return schema.check(
    isoCheck(UPPER_3, COUNTRY_ALPHA_3, 'ISO 3166-1 alpha-3 country code (three upper-case letters)'),
  );
}

/**
 * ISO 3166-1 alpha-2 in a `CiString(2)` (2.2.1 `country_code` of a party): two letters in any case, as
 * CiString compares without case. Shape only: the list of assigned codes would cost a Location bundle
 * 131 bytes gzip more than its size budget allows (test/treeshake).
 */
/* @__NO_SIDE_EFFECTS__ */
export function isoCountryAlpha2(schema: z.ZodMiniString<string>): z.ZodMiniString<string> {
  return schema.check(isoCheck(LETTERS_2, undefined, 'ISO 3166-1 alpha-2 country code (two letters)'));
}

/** ISO 4217 (`currency`): three upper-case letters, an assigned code. */
/* @__NO_SIDE_EFFECTS__ */
export function isoCurrency(schema: z.ZodMiniString<string>): z.ZodMiniString<string> {
  return schema.check(isoCheck(UPPER_3, CURRENCY, 'ISO 4217 currency code (three upper-case letters)'));
}

/** ISO 639-1 (`language`): two lower-case letters, as the standard writes them, an assigned code. */
/* @__NO_SIDE_EFFECTS__ */
export function isoLanguage(schema: z.ZodMiniString<string>): z.ZodMiniString<string> {
  return schema.check(isoCheck(LOWER_2, LANGUAGE, 'ISO 639-1 language code (two lower-case letters)'));
}

// Reported as a prose rule: lenient parsing keeps the value as sent and reports it with its path, and a
// wrong code leaves the field a string, so the rules around it still run (`continue`).
/* @__NO_SIDE_EFFECTS__ */
function isoCheck(shape: RegExp, codes: string | undefined, list: string) {
  return z.check<string>((payload) => {
    const value = payload.value;
    if (shape.test(value) && (codes === undefined || listed(codes, value))) return;
    payload.issues.push({
      code: 'custom',
      // One message for a wrong shape and an unassigned code; no value in it, a field may hold anything.
      message: `must be an assigned ${list}`,
      input: value,
      params: { ocpi: SPEC_RULE },
      continue: true,
    });
  });
}

/**
 * Whether `code` (letters, any case) is in `codes`, a list as scripts/codegen/iso-codes.ts encodes it: a
 * hex bitmap of letter pairs for two-letter codes, codes grouped by first letter for three-letter ones.
 * Read as it is: nothing to build, nothing kept between calls.
 */
export function listed(codes: string, code: string): boolean {
  const upper = code.toUpperCase();
  if (upper.length === 2) {
    const bit = 26 * (upper.charCodeAt(0) - 65) + upper.charCodeAt(1) - 65;
    return ((Number.parseInt(codes.charAt(bit >> 2), 16) >> (bit & 3)) & 1) === 1;
  }
  const rest = upper.slice(1).toLowerCase();
  // The group's letter is the only upper-case one of its kind; its pairs run until the next group.
  for (let at = codes.indexOf(upper.charAt(0)) + 1; at > 0 && at < codes.length; at += 2) {
    const pair = codes.slice(at, at + 2);
    if (pair === rest) return true;
    // Upper case: the next group began.
    if (pair.charCodeAt(0) < 97) return false;
  }
  return false;
}
