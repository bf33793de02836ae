import { isPrintableAscii } from '../../common/schema/primitives/printable';
import { OcpiRefusal } from './ocpi-refusal';
import { isCountryCodeShape, isPartyIdShape } from './party-codes';

/** The longest value each path parameter of a version may have (the spec's length of the field it names). */
export type PathParamLengths = Readonly<Record<string, number>>;

/**
 * Checks path parameters against the spec: each from 1 to its length in characters, printable ASCII only
 * (the spec's `string` and `CiString` allow nothing else); `country_code` is 2 letters and `party_id` 3
 * letters or digits. Refuses with 2001 naming the parameter, never its value. The printable check is
 * one anchored character class (linear); the lengths are checked first.
 */
export function checkPathParams(params: Readonly<Record<string, string>>, lengths: PathParamLengths): void {
  for (const [name, value] of Object.entries(params)) {
    const max = lengths[name] ?? DEFAULT_MAX_LENGTH;
    if (value.length === 0 || value.length > max || !isPrintableAscii(value)) {
      throw invalid(`${name}: must be 1 to ${max} printable ASCII characters`);
    }
    if (name === 'country_code' && !isCountryCodeShape(value))
      throw invalid('country_code: must be 2 letters');
    if (name === 'party_id' && !isPartyIdShape(value)) {
      throw invalid('party_id: must be 3 letters or digits');
    }
  }
}

// Parameters the spec gives no length of (our own ids in response URLs): as long as the longest id.
const DEFAULT_MAX_LENGTH = 39;

function invalid(message: string): OcpiRefusal {
  return new OcpiRefusal(2001, `Invalid or missing parameters: ${message}`);
}
