// Reading an input's values: one document or NDJSON line by line, and JSON syntax errors located by line
// and column without quoting the input.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../src/cli/validate/json-error-offset';
import { locate, type ReadValue, readValues } from '../../../src/cli/validate/read-values';

async function read(text: string): Promise<ReadValue[]> {
  const values: ReadValue[] = [];
  for await (const value of readValues(Readable.from([text]))) values.push(value);
  return values;
}

describe('readValues', () => {
  it('reads a document over several lines as one value, without line numbers', async () => {
    expect(await read('{\n  "a": [1,\n 2]\n}\n')).toEqual([{ value: { a: [1, 2] } }]);
    expect(await read('{"a": 1}\n\n')).toEqual([{ value: { a: 1 } }]);
  });

  it('reads NDJSON line by line, numbering the lines, a bad one among good ones', async () => {
    expect(await read('{"a": 1}\n\n{"a": oops}\n[2]\n')).toEqual([
      { value: { a: 1 }, line: 1 },
      { syntaxError: { message: "Unexpected token 'o'", line: 3, column: 7 }, line: 3 },
      { value: [2], line: 4 },
    ]);
  });

  it('says where a document breaks, and that an empty input holds nothing', async () => {
    expect(await read('{\n  "a": 1,\n}')).toEqual([
      { syntaxError: { message: 'Expected double-quoted property name', line: 3, column: 1 } },
    ]);
    expect(await read('  \n')).toEqual([{ syntaxError: { message: 'empty input: no JSON value' } }]);
  });
});

describe('jsonErrorOffset', () => {
  it('finds the first character that breaks the grammar', () => {
    expect(jsonErrorOffset('{"a": oops}')).toBe(6);
    expect(jsonErrorOffset('[1 2]')).toBe(3);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('"x\\q"')).toBe(2);
    expect(jsonErrorOffset('{"a": [1, {"b": tru}]}')).toBe(16);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('{"a":')).toBe(5);
    expect(jsonErrorOffset('{"a": [1, {"b": true}], "c": "\\u00e9"}')).toBe(-1);
  });

  it('survives deep nesting without recursion', () => {
    expect(jsonErrorOffset(`${'['.repeat(100_000)}x`)).toBe(100_000);
  });

  it('never quotes the input in the message', () => {
    expect(locate('Unexpected token \'s\', "secret-token" is not valid JSON', 'secret-token')).toEqual({
      message: "Unexpected token 's'",
      line: 1,
      column: 1,
    });
  });
});
