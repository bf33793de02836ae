// The checks of fields the spec ties to an ISO code list (country, currency, language, party country).
// The generator wraps each such field's table type in one of them (scripts/codegen/iso-fields.ts); each
// check reads only its own list, so a bundle carries only the lists its schemas use.
import * as z from 'zod/mini';
import { SPEC_RULE } from '../spec-rule';
import {
  COUNTRY_ALPHA_2_MESSAGE,
  COUNTRY_ALPHA_3_MESSAGE,
  CURRENCY_MESSAGE,
  isCountryAlpha2,
  isCountryAlpha3,
  isCurrency,
  isLanguage,
  LANGUAGE_MESSAGE,
} from './iso-code-lists';

/**
 * ISO 3166-1 alpha-3 (Location `country`, 2.2.1 CdrLocation `country`): three upper-case letters, an
 * assigned code.
 */
/* @__NO_SIDE_EFFECTS__ */
export function isoCountryAlpha3(schema: z.ZodMiniString<string>): z.ZodMiniString<string> {
  return schema.check(isoCheck(isCountryAlpha3, COUNTRY_ALPHA_3_MESSAGE));
}

/**
 * ISO 3166-1 alpha-2 in a `CiString(2)` (2.2.1 `country_code` of a party): two letters in any case, as
 * CiString compares without case. Shape only: the list of assigned codes would cost a Location bundle
 * 131 bytes gzip more than its size budget allows (test/treeshake).
 */
/* @__NO_SIDE_EFFECTS__ */
export function isoCountryAlpha2(schema: z.ZodMiniString<string>): z.ZodMiniString<string> {
  return schema.check(isoCheck(isCountryAlpha2, COUNTRY_ALPHA_2_MESSAGE));
}

/** ISO 4217 (`currency`): three upper-case letters, an assigned code. */
/* @__NO_SIDE_EFFECTS__ */
export function isoCurrency(schema: z.ZodMiniString<string>): z.ZodMiniString<string> {
  return schema.check(isoCheck(isCurrency, CURRENCY_MESSAGE));
}

/** ISO 639-1 (`language`): two lower-case letters, as the standard writes them, an assigned code. */
/* @__NO_SIDE_EFFECTS__ */
export function isoLanguage(schema: z.ZodMiniString<string>): z.ZodMiniString<string> {
  return schema.check(isoCheck(isLanguage, LANGUAGE_MESSAGE));
}

// Reported as a prose rule: lenient parsing keeps the value as sent and reports it with its path, and a
// wrong code leaves the field a string, so the rules around it still run (`continue`).
/* @__NO_SIDE_EFFECTS__ */
function isoCheck(holds: (value: string) => boolean, message: string) {
  return z.check<string>((payload) => {
    const value = payload.value;
    if (holds(value)) return;
    payload.issues.push({
      code: 'custom',
      message,
      input: value,
      params: { ocpi: SPEC_RULE },
      continue: true,
    });
  });
}
