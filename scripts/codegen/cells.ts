/** Cell splitting shared by both table syntaxes. */

/**
 * Splits on every `|` that is not escaped as `\|` (the spec escapes pipes inside regexes in
 * descriptions). Returns the text before the first pipe, then the text after each pipe.
 */
export function splitOnUnescapedPipes(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '\\' && text.charAt(index + 1) === '|') {
      current += '|';
      index++;
    } else if (char === '|') {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}
