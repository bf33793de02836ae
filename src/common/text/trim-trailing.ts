/**
 * `text` without the run of `character` (a single character) at its end: `trimTrailing('a//', '/')` is
 * `'a'`. A scan from the end, linear in the length: the regex `/\/+$/` it replaces retries the run from
 * every position when something follows it, which is quadratic on a path of many slashes (issue #10).
 */
export function trimTrailing(text: string, character: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === character) end--;
  return end === text.length ? text : text.slice(0, end);
}
