import { describe, expect, it } from 'vitest';
import { CiString, DateTimeSchema, DisplayTextSchema, NumberSchema, string, URLSchema } from '../../src/v221';
import { INVALID_DATE_TIMES } from '../support/date-time-cases';
import { issuesOf } from '../support/issues';
import { describeWithSpec, literalBlockAfter, readExample221, readSpecFile } from '../support/spec';

describe('DateTime (2.2.1)', () => {
  describeWithSpec('the timestamps of the spec', () => {
    const types = readSpecFile('2.2.1', 'types.asciidoc');
    const specTimestamps = literalBlockAfter(types, 'Example of how timestamps shall be formatted');

    it('finds the six timestamp forms the spec lists', () => {
      expect(specTimestamps).toHaveLength(6);
    });

    it.each(specTimestamps)('accepts the spec example %s', (value) => {
      expect(DateTimeSchema.safeParse(value).success).toBe(true);
    });
  });

  it.each(INVALID_DATE_TIMES)('refuses %s (%s)', (value) => {
    expect(issuesOf(DateTimeSchema, value)).toEqual([
      { path: '', message: expect.stringContaining('UTC timestamp') },
    ]);
  });

  it('accepts 29 February in a leap year, and 25 characters but not 26', () => {
    expect(DateTimeSchema.safeParse('2016-02-29T00:00:00Z').success).toBe(true);
    expect(DateTimeSchema.safeParse('2016-02-29T00:00:00.1234Z')).toMatchObject({ success: true });
    expect(DateTimeSchema.safeParse('2016-02-29T00:00:00.12345Z').success).toBe(false);
    expect('2016-02-29T00:00:00.1234Z').toHaveLength(25);
  });

  it('keeps the value exactly as sent', () => {
    expect(DateTimeSchema.parse('2016-12-29T17:45:09.2')).toBe('2016-12-29T17:45:09.2');
  });
});

describe('string(n) (2.2.1)', () => {
  it('accepts printable UTF-8 up to n characters and refuses n + 1', () => {
    expect(string(5).safeParse('Grüße').success).toBe(true);
    expect(issuesOf(string(5), 'Grüßen')).toEqual([{ path: '', message: 'must have at most 5 characters' }]);
  });

  it('counts characters, not UTF-16 units: an emoji is one character', () => {
    expect(string(2).safeParse('⚡🔌').success).toBe(true);
    expect(string(1).safeParse('🔌🔌').success).toBe(false);
  });

  it.each([
    ['a\nb', 'a line break'],
    ['a\rb', 'a carriage return'],
    ['a\tb', 'a tab'],
    ['a\u0000b', 'NUL'],
    ['a\u007Fb', 'DEL'],
    ['a\u0085b', 'a C1 control'],
    ['a\u2028b', 'a line separator'],
    ['a\uD800b', 'a lone surrogate, which UTF-8 cannot carry'],
  ])('refuses %j (%s)', (value) => {
    expect(issuesOf(string(), value)).toEqual([
      { path: '', message: 'must contain only printable characters' },
    ]);
  });
});

describe('CiString(n) (2.2.1)', () => {
  it('accepts printable ASCII up to n and refuses n + 1 and non-ASCII', () => {
    expect(CiString(3).safeParse('TNM').success).toBe(true);
    expect(issuesOf(CiString(3), 'TNMX')).toEqual([{ path: '', message: 'must have at most 3 characters' }]);
    expect(CiString(3).safeParse('TNé').success).toBe(false);
  });
});

describe('DisplayText (2.2.1)', () => {
  it('parses the spec example', () => {
    const example = readExample221('type_displaytext_example.json');
    expect(DisplayTextSchema.parse(example)).toEqual(example);
  });

  it('reports each bad field with its path', () => {
    expect(issuesOf(DisplayTextSchema, { language: 'eng', text: 'x'.repeat(513), extra: 1 })).toEqual([
      { path: 'language', message: 'must have at most 2 characters' },
      { path: 'language', message: 'must be an assigned ISO 639-1 language code (two lower-case letters)' },
      { path: 'text', message: 'must have at most 512 characters' },
      { path: 'extra', message: 'unknown field' },
    ]);
  });
});

describe('URL and number (2.2.1)', () => {
  it('accepts an absolute URL of 255 characters and refuses 256, relative URLs and spaces', () => {
    const base = 'https://example.com/';
    expect(URLSchema.safeParse(base + 'a'.repeat(255 - base.length)).success).toBe(true);
    expect(URLSchema.safeParse(base + 'a'.repeat(256 - base.length)).success).toBe(false);
    expect(URLSchema.safeParse('/ocpi/versions').success).toBe(false);
    expect(URLSchema.safeParse('https://example.com/a b').success).toBe(false);
  });

  it('accepts JSON numbers and refuses numeric strings', () => {
    expect(NumberSchema.safeParse(0.2345).success).toBe(true);
    expect(issuesOf(NumberSchema, '1.5')).toEqual([
      { path: '', message: 'expected number, received string' },
    ]);
  });
});
