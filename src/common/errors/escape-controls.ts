// C0 and C1 controls with DEL (line breaks among them), the Unicode line and paragraph separators, and
// the bidi controls that reorder what a reader sees (marks, embeddings, overrides, isolates). One
// character class without quantifiers: linear in the text.
const UNSAFE = /[\p{Cc}\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/gu;

/**
 * `text` on one line as it reads: each control character, line separator or bidi control written as
 * `\uXXXX`. Error messages quote what a partner sent (a URL, a status message, a field name); a CR/LF
 * there would forge a line in the app's log, and a U+202E would turn what follows around.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
