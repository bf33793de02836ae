// OCPI 2.1.1 strings are printable ASCII, so the 2.1.1 data spells the places' names in ASCII.

// Letters that do not decompose into an ASCII letter and accents, spelt as their languages do in ASCII.
const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  æ: 'ae',
  Æ: 'Ae',
  ø: 'oe',
  Ø: 'Oe',
  å: 'aa',
  Å: 'Aa',
  ł: 'l',
  Ł: 'L',
};

/**
 * `text` in printable ASCII: the letters above spelt out (Straße -> Strasse, København -> Koebenhavn),
 * other accents dropped (é -> e, ń -> n). Throws on a character it has no spelling for.
 */
export function toAscii(text: string): string {
  const ascii = text
    .replace(/[^\x20-\x7E]/g, (letter) => LETTERS[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  if (!/^[\x20-\x7E]*$/.test(ascii)) throw new Error(`no ASCII spelling for ${JSON.stringify(text)}`);
  return ascii;
}

/** A copy of `value` with every string in it (not the keys) in ASCII. */
export function asciiCopy<T>(value: T): T {
  if (typeof value === 'string') return toAscii(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => asciiCopy(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asciiCopy(item)])) as T;
  }
  return value;
}
