import { type DataFault, rewriteStrings } from './answered';

// Free-text fields of 2.1.1 objects (names, addresses, display texts, issuers): `string(n)`, printable
// ASCII in 2.1.1. Identifiers are left alone, so that objects stay what they were.
const TEXT_FIELDS = /*@__PURE__*/ new Set(['name', 'address', 'city', 'text', 'issuer']);
const ACCENTED: Readonly<Record<string, string>> = { a: 'á', e: 'é', o: 'ö', u: 'ü' };

/**
 * `non-ascii` (2.1.1): names, addresses, cities, display texts and issuers with accented letters
 * (`Simulated` becomes `Simülátéd`), as partners from 2.2.1 or with local names send them; 2.1.1 strings
 * are printable ASCII. Lengths stay the same.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/types.md#15-string-type
 */
export const nonAscii: DataFault = (data) => {
  rewriteStrings(data, (text, key) =>
    TEXT_FIELDS.has(key) ? text.replace(/[aeou]/g, (letter) => ACCENTED[letter] ?? letter) : text,
  );
  return data;
};
