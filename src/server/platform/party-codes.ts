// The shapes of a party's codes, as the handler checks them in paths and routing headers: the spec's
// CiStrings compare without case. Character by character: no regular expression runs on partner input.

/** Two letters, in any case: the shape of a country code (ISO 3166-1 alpha-2 in a `CiString(2)`). */
export function isCountryCodeShape(text: string): boolean {
  return text.length === 2 && [...text].every(isLetter);
}

/** Three letters or digits, in any case: the shape of a party id (a `CiString(3)`). */
export function isPartyIdShape(text: string): boolean {
  return text.length === 3 && [...text].every((character) => isLetter(character) || isDigit(character));
}

function isLetter(character: string): boolean {
  const code = character.charCodeAt(0) | 0x20;
  return code >= 0x61 && code <= 0x7a;
}

function isDigit(character: string): boolean {
  const code = character.charCodeAt(0);
  return code >= 0x30 && code <= 0x39;
}
