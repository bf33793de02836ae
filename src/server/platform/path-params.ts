import { OcpiRefusal } from './ocpi-refusal';

/** The longest value each path parameter of a version may have (the spec's length of the field it names). */
export type PathParamLengths = Readonly<Record<string, number>>;

/**
 * Checks path parameters against the spec: each from 1 to its length in characters, printable ASCII only
 * (the spec's `string` and `CiString` allow nothing else); `country_code` is 2 letters and `party_id` 3
 * letters or digits. Refuses with 2001 naming the parameter, never its value. Checked character by
 * character: no regular expression runs on what a partner sends.
 */
export function checkPathParams(params: Readonly<Record<string, string>>, lengths: PathParamLengths): void {
  for (const [name, value] of Object.entries(params)) {
    const max = lengths[name] ?? DEFAULT_MAX_LENGTH;
    if (value.length === 0 || value.length > max || !isPrintableAscii(value)) {
      throw invalid(`${name}: must be 1 to ${max} printable ASCII characters`);
    }
    if (name === 'country_code' && !isLetters(value, 2)) throw invalid('country_code: must be 2 letters');
    if (name === 'party_id' && !isAlphanumeric(value, 3)) {
      throw invalid('party_id: must be 3 letters or digits');
    }
  }
}

// Parameters the spec gives no length of (our own ids in response URLs): as long as the longest id.
const DEFAULT_MAX_LENGTH = 39;

function invalid(message: string): OcpiRefusal {
  return new OcpiRefusal(2001, `Invalid or missing parameters: ${message}`);
}

function isPrintableAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

function isLetters(text: string, length: number): boolean {
  if (text.length !== length) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index) | 0x20;
    if (code < 0x61 || code > 0x7a) return false;
  }
  return true;
}

function isAlphanumeric(text: string, length: number): boolean {
  if (text.length !== length) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const letter = (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
    if (!letter && !(code >= 0x30 && code <= 0x39)) return false;
  }
  return true;
}
