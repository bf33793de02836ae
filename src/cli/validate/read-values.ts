// The JSON values of one input, read line by line so that NDJSON is streamed: a 1 GB file of one
// object per line never sits in memory. A first line that is JSON on its own, followed by more, makes
// the input NDJSON; otherwise the whole input is one JSON document (an object, a list, an envelope).

import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { jsonErrorOffset } from './json-error-offset';

/** Where a JSON syntax error is, from 1, when the parser said. */
export interface JsonSyntaxError {
  readonly message: string;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/** One value of an input, or a part that is not JSON; `line` only for NDJSON (its line, from 1). */
export type ReadValue =
  | { readonly value: unknown; readonly line?: number | undefined }
  | { readonly syntaxError: JsonSyntaxError; readonly line?: number | undefined };

/** Reads the values of `input`, one per NDJSON line, or the single document it holds. */
export async function* readValues(input: Readable): AsyncGenerator<ReadValue> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let state: 'start' | 'one-value' | 'document' | 'ndjson' = 'start';
  // The lines of a document (or of what may still become one), and a first line that was JSON alone.
  const held: string[] = [];
  let first: { value: unknown; line: number } | undefined;
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber++;
    const text = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    const blank = text.trim() === '';
    switch (state) {
      case 'ndjson':
        if (!blank) yield parseLine(text, lineNumber);
        break;
      case 'document':
        held.push(text);
        break;
      case 'start': {
        held.push(text);
        if (blank) break;
        const parsed = tryParse(text);
        if (parsed.ok) {
          first = { value: parsed.value, line: lineNumber };
          state = 'one-value';
        } else {
          state = 'document';
        }
        break;
      }
      case 'one-value':
        if (blank) break;
        // A second value after a line that was JSON alone: the input is NDJSON.
        state = 'ndjson';
        held.length = 0;
        if (first) yield { value: first.value, line: first.line };
        yield parseLine(text, lineNumber);
        break;
    }
  }
  if (state === 'ndjson') return;
  if (state === 'one-value' && first) {
    yield { value: first.value };
    return;
  }
  const document = held.join('\n');
  if (state === 'start') {
    yield { syntaxError: { message: 'empty input: no JSON value' } };
    return;
  }
  const parsed = tryParse(document);
  yield parsed.ok ? { value: parsed.value } : { syntaxError: locate(parsed.message, document) };
}

function parseLine(text: string, line: number): ReadValue {
  const parsed = tryParse(text);
  if (parsed.ok) return { value: parsed.value, line };
  const { message, column } = locate(parsed.message, text);
  return { syntaxError: { message, line, column }, line };
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/**
 * The parser's complaint, without the excerpt of the input V8 quotes (it may hold a secret), with the
 * line and column (from 1) of the first character that breaks the JSON grammar.
 */
export function locate(message: string, text: string): JsonSyntaxError {
  // Cut where V8 starts quoting (`, "...` or `, ..."...`) or placing (` in JSON at position`).
  const cuts = [message.search(/, (?:\.\.\.)?"/), message.indexOf(' in JSON at position')].filter(
    (at) => at !== -1,
  );
  const cut = message.slice(0, Math.min(message.length, ...cuts));
  const plain = cut === 'Unexpected end of JSON input' ? 'the JSON ends too soon' : cut;
  const offset = jsonErrorOffset(text);
  if (offset === -1) return { message: plain };
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { message: plain, line, column };
}
