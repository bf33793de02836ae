// Where JSON text first breaks the grammar (RFC 8259), for a syntax error's line and column: Node 20's
// JSON.parse names no position for most errors. Only run on text JSON.parse refused; a scan, no values.

const WHITESPACE = /*@__PURE__*/ new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The offset of the first character that cannot continue valid JSON (the text's length when it ends too soon). */
export function jsonErrorOffset(text: string): number {
  let at = 0;
  const skip = () => {
    while (at < text.length && WHITESPACE.has(text[at] as string)) at++;
  };
  const match = (pattern: RegExp) => {
    pattern.lastIndex = at;
    return pattern.exec(text) ? pattern.lastIndex : -1;
  };
  // The containers open around `at`, innermost last, so that deep nesting costs no stack.
  const open: ('[' | '{')[] = [];
  const fail = () => at;
  // One value, then what may follow it in the container around it.
  for (;;) {
    skip();
    const char = text[at];
    if (char === '{' || char === '[') {
      open.push(char);
      at++;
      skip();
      if (text[at] === (char === '{' ? '}' : ']')) {
        open.pop();
        at++;
      } else if (char === '{') {
        if (!key()) return fail();
        continue;
      } else {
        continue;
      }
    } else if (char === '"') {
      const end = stringEnd();
      if (!end.ok) return end.at;
      at = end.at;
    } else if (char !== undefined && /[-\d]/.test(char)) {
      const end = match(NUMBER);
      if (end === -1) return fail();
      at = end;
    } else {
      const word = ['true', 'false', 'null'].find((literal) => text.startsWith(literal, at));
      if (word === undefined) return fail();
      at += word.length;
    }
    // After a value: a comma and the next one, or the end of containers.
    for (;;) {
      skip();
      const container = open.at(-1);
      if (container === undefined) return at < text.length ? at : -1;
      if (text[at] === ',') {
        at++;
        if (container === '{') {
          skip();
          if (!key()) return fail();
        }
        break;
      }
      if (text[at] !== (container === '{' ? '}' : ']')) return fail();
      open.pop();
      at++;
    }
  }

  // A member's key and its colon, leaving `at` at the value.
  function key(): boolean {
    if (text[at] !== '"') return false;
    const end = stringEnd();
    at = end.at;
    if (!end.ok) return false;
    skip();
    if (text[at] !== ':') return false;
    at++;
    return true;
  }

  // The string opening at `at`: the offset after its closing quote, or of the first character that cannot be in it.
  function stringEnd(): { ok: boolean; at: number } {
    for (let index = at + 1; index < text.length; index++) {
      const char = text[index] as string;
      if (char === '"') return { ok: true, at: index + 1 };
      if (char.charCodeAt(0) < 0x20) return { ok: false, at: index };
      if (char === '\\') {
        const escaped = text[index + 1] ?? '';
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) return { ok: false, at: index };
          index += 5;
        } else if (escaped !== '' && '"\\/bfnrt'.includes(escaped)) {
          index++;
        } else {
          return { ok: false, at: index };
        }
      }
    }
    return { ok: false, at: text.length };
  }
}
