import { describe, expect, it } from 'vitest';
import { CiString, DateTimeSchema, DisplayTextSchema, string, URLSchema } from '../../src/v211';
import { INVALID_DATE_TIMES } from '../support/date-time-cases';
import { issuesOf } from '../support/issues';
import { describeWithSpec, fromSpec, literalBlockAfter, readSpecFile } from '../support/spec';

const types = fromSpec(() => readSpecFile('2.1.1', 'types.md'));
const sectionOf = (heading: string) => types().slice(types().indexOf(heading));

describe('DateTime (2.1.1)', () => {
  describeWithSpec('the timestamps of the spec', () => {
    const specTimestamps = literalBlockAfter(sectionOf('DateTime *type*'), 'Example:');

    it('finds the four timestamp forms the spec lists', () => {
      expect(specTimestamps).toHaveLength(4);
    });

    it.each(specTimestamps)('accepts the spec example %s', (value) => {
      expect(DateTimeSchema.safeParse(value).success).toBe(true);
    });
  });

  it('accepts fractional seconds, which ISO 8601 allows (our documented decision for 2.1.1)', () => {
    expect(DateTimeSchema.safeParse('2015-06-29T20:39:09.123Z').success).toBe(true);
    expect(DateTimeSchema.safeParse('2015-06-29T20:39:09.123').success).toBe(true);
  });

  it.each(INVALID_DATE_TIMES)('refuses %s (%s)', (value) => {
    expect(issuesOf(DateTimeSchema, value)).toEqual([
      { path: '', message: expect.stringContaining('UTC timestamp') },
    ]);
  });
});

describe('string(n) (2.1.1)', () => {
  it('accepts printable ASCII up to n characters and refuses n + 1', () => {
    expect(string(3).safeParse('abc').success).toBe(true);
    expect(issuesOf(string(3), 'abcd')).toEqual([{ path: '', message: 'must have at most 3 characters' }]);
  });

  it('refuses what 2.2.1 would accept: non-ASCII text', () => {
    expect(issuesOf(string(10), 'Grüße')).toEqual([
      { path: '', message: 'must contain only printable ASCII characters' },
    ]);
  });

  it.each([
    ['a\nb', 'a line break'],
    ['a\tb', 'a tab'],
    ['a\u007Fb', 'DEL'],
  ])('refuses %j (%s)', (value) => {
    expect(string().safeParse(value).success).toBe(false);
  });

  it('CiString(n) takes printable ASCII up to n', () => {
    expect(CiString(2).safeParse('NL').success).toBe(true);
    expect(CiString(2).safeParse('NLD').success).toBe(false);
  });
});

describe('DisplayText (2.1.1)', () => {
  it('parses the spec example', () => {
    const example = JSON.parse(literalBlockAfter(sectionOf('DisplayText *class*'), 'Example:').join('\n'));
    expect(DisplayTextSchema.parse(example)).toEqual(example);
  });

  it('refuses non-ASCII text, which 2.2.1 allows', () => {
    expect(issuesOf(DisplayTextSchema, { language: 'de', text: 'Gebühr' })).toEqual([
      { path: 'text', message: 'must contain only printable ASCII characters' },
    ]);
  });
});

describe('URL (2.1.1)', () => {
  it('is the same absolute-URL rule as 2.2.1', () => {
    expect(URLSchema.safeParse('https://example.com/ocpi/cpo/versions').success).toBe(true);
    expect(URLSchema.safeParse('example.com/ocpi').success).toBe(false);
  });
});
