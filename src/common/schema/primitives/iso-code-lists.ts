// Whether a code is in an ISO list, as plain predicates with no zod: the zod checks (iso-code.ts) and the
// compiled validators (scripts/codegen/emit-compiled.ts) both use them. Each reads only its own list, so
// a bundle carries only the lists its validators use.
import { COUNTRY_ALPHA_3, CURRENCY, LANGUAGE } from '../../generated/iso-codes';

// What a field holding a code outside its list is told, by the zod check (iso-code.ts) and the compiled
// path alike. One message for a wrong shape and an unassigned code; no value in it.

/** The message of a wrong ISO 3166-1 alpha-3 country code. */
export const COUNTRY_ALPHA_3_MESSAGE =
  'must be an assigned ISO 3166-1 alpha-3 country code (three upper-case letters)';
/** The message of a wrong ISO 3166-1 alpha-2 country code. */
export const COUNTRY_ALPHA_2_MESSAGE = 'must be an assigned ISO 3166-1 alpha-2 country code (two letters)';
/** The message of a wrong ISO 4217 currency code. */
export const CURRENCY_MESSAGE = 'must be an assigned ISO 4217 currency code (three upper-case letters)';
/** The message of a wrong ISO 639-1 language code. */
export const LANGUAGE_MESSAGE = 'must be an assigned ISO 639-1 language code (two lower-case letters)';

// Shapes as single anchored classes with a fixed count: linear, nothing to backtrack.
const UPPER_3 = /^[A-Z]{3}$/;
const LOWER_2 = /^[a-z]{2}$/;
const LETTERS_2 = /^[A-Za-z]{2}$/;

/** An assigned ISO 3166-1 alpha-3 country code, in upper case. */
export function isCountryAlpha3(value: string): boolean {
  return UPPER_3.test(value) && listed(COUNTRY_ALPHA_3, value);
}

/** Two letters in any case, shaped as an ISO 3166-1 alpha-2 country code (the list is not read). */
export function isCountryAlpha2(value: string): boolean {
  return LETTERS_2.test(value);
}

/** An assigned ISO 4217 currency code, in upper case. */
export function isCurrency(value: string): boolean {
  return UPPER_3.test(value) && listed(CURRENCY, value);
}

/** An assigned ISO 639-1 language code, in lower case. */
export function isLanguage(value: string): boolean {
  return LOWER_2.test(value) && listed(LANGUAGE, value);
}

/**
 * Whether `code` (letters, any case) is in `codes`, a list as scripts/codegen/iso-codes.ts encodes it: a
 * hex bitmap of letter pairs for two-letter codes, codes grouped by first letter for three-letter ones.
 * Read as it is: nothing to build, nothing kept between calls.
 */
export function listed(codes: string, code: string): boolean {
  // Read by character codes: a letter's case is its 0x20 bit, so no string is made (every currency and
  // country code of a page is looked up here).
  const first = code.charCodeAt(0) & ~CASE_BIT;
  const second = code.charCodeAt(1) & ~CASE_BIT;
  if (code.length === 2) {
    const bit = 26 * (first - UPPER_A) + second - UPPER_A;
    return ((Number.parseInt(codes.charAt(bit >> 2), 16) >> (bit & 3)) & 1) === 1;
  }
  if (code.length !== 3) return false;
  const pairFirst = second | CASE_BIT;
  const pairSecond = code.charCodeAt(2) | CASE_BIT;
  // The group's letter is the only upper-case one of its kind; its pairs run until the next group.
  for (let at = codes.indexOf(String.fromCharCode(first)) + 1; at > 0 && at < codes.length; at += 2) {
    const head = codes.charCodeAt(at);
    if (head === pairFirst && codes.charCodeAt(at + 1) === pairSecond) return true;
    // Upper case: the next group began.
    if (head < LOWER_A) return false;
  }
  return false;
}

const CASE_BIT = 0x20;
const UPPER_A = 65;
const LOWER_A = 97;
