/**
 * Recognises the section titles that define something: "X Object", "X *class*" (markdown),
 * "X _class_" (asciidoc), "X *enum*", "X *type*". Everything else (interfaces, examples,
 * "Data", ...) is not a definition.
 */

export type DefinitionKind = 'object' | 'class' | 'enum' | 'type';

export interface DefinitionTitle {
  name: string;
  kind: DefinitionKind;
}

const DEFINITION_KINDS: readonly DefinitionKind[] = ['object', 'class', 'enum', 'type'];

/** Interface sections such as "GET Object" (fetch one object) have the same two-word shape. */
const HTTP_METHODS = new Set(['GET', 'PUT', 'POST', 'PATCH', 'DELETE']);

/**
 * Drops a leading section number such as `3.1`, `4.10 ` or `2.` (2.1.1 markdown numbers its
 * headings by hand, sometimes twice the same number, so the number is never used as a key).
 */
export function stripSectionNumber(title: string): string {
  let index = 0;
  while (index < title.length && isDigitOrDot(title.charAt(index))) index++;
  if (index === 0 || title.charAt(index) !== ' ') return title.trim();
  return title.slice(index).trim();
}

/**
 * Parses a definition title (section number already stripped). The name may be emphasised
 * (`_Location_ Object`); the kind word may be emphasised with `*` or `_` and any case
 * (`Credentials object`). Exactly two words: "Example: put a new ClientInfo object" is not one.
 */
export function parseDefinitionTitle(title: string): DefinitionTitle | undefined {
  const words = title.trim().split(/\s+/);
  if (words.length !== 2) return undefined;
  const name = stripEmphasis(words[0] ?? '');
  const kind = stripEmphasis(words[1] ?? '').toLowerCase();
  if (!isIdentifier(name) || HTTP_METHODS.has(name) || !isDefinitionKind(kind)) return undefined;
  return { name, kind };
}

/** Removes markdown/asciidoc emphasis and code marks around a word: `*x*`, `_x_`, `` `x` ``. */
export function stripEmphasis(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && isEmphasisMark(word.charAt(start))) start++;
  while (end > start && isEmphasisMark(word.charAt(end - 1))) end--;
  return word.slice(start, end);
}

/** Spec names: letters and digits, starting with a letter (field names also allow `_`). */
export function isIdentifier(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(text);
}

function isDefinitionKind(word: string): word is DefinitionKind {
  return (DEFINITION_KINDS as readonly string[]).includes(word);
}

function isEmphasisMark(char: string): boolean {
  return char === '*' || char === '_' || char === '`';
}

function isDigitOrDot(char: string): boolean {
  return char === '.' || (char >= '0' && char <= '9');
}
