import { describe, expect, it } from 'vitest';
import * as v211 from '../../../src/v211';
import * as v221 from '../../../src/v221';
import { statusCodeRange } from '../../../src/versions/status-code-range';
import { describeWithSpec, readSpecFile } from '../../support/spec';

// The codes a status_codes file lists by number, in table rows of either markup (`| 2001 |` or `|2001 |`).
function listedCodes(text: string): number[] {
  return [...text.matchAll(/^\|\s*(\d{4})\s*\|/gm)].map((match) => Number(match[1]));
}

describe.each([
  { version: '2.1.1' as const, api: v211, file: 'status_codes.md', listed: 9 },
  { version: '2.2.1' as const, api: v221, file: 'status_codes.asciidoc', listed: 14 },
])('status codes ($version)', ({ version, api, file, listed }) => {
  describeWithSpec('the codes the spec lists', () => {
    const specCodes = listedCodes(readSpecFile(version, file));

    it('names exactly the codes the spec lists', () => {
      expect(specCodes).toHaveLength(listed);
      expect(Object.values(api.StatusCode).sort()).toEqual([...specCodes].sort());
    });

    it.each(specCodes)('describes listed code %i with its own meaning and range', (code) => {
      const info = api.describeStatusCode(code);
      expect(info).toMatchObject({
        code,
        listed: true,
        custom: false,
        range: statusCodeRange(code, version),
      });
      expect(info.range).toBeDefined();
      expect(info.meaning).not.toBe('Not an OCPI status code');
    });
  });

  it('falls back to the range meaning for an unlisted code, and rejects codes in no range', () => {
    expect(api.describeStatusCode(2500)).toMatchObject({ range: 'client-error', listed: false });
    expect(api.describeStatusCode(3500).meaning).toMatch(/^Server error/);
    expect(api.describeStatusCode(5000)).toMatchObject({
      range: undefined,
      meaning: 'Not an OCPI status code',
    });
  });
});

describe('ranges per version', () => {
  it.each([
    [1000, 'success', 'success'],
    [1999, 'success', 'success'],
    [2000, 'client-error', 'client-error'],
    [2999, 'client-error', 'client-error'],
    [3000, 'server-error', 'server-error'],
    [3999, 'server-error', 'server-error'],
    [4000, undefined, 'hub-error'],
    [4999, undefined, 'hub-error'],
    [999, undefined, undefined],
    [5000, undefined, undefined],
    [1000.5, undefined, undefined],
  ])('%s is %s in 2.1.1 and %s in 2.2.1', (code, in211, in221) => {
    expect(statusCodeRange(code, '2.1.1')).toBe(in211);
    expect(statusCodeRange(code, '2.2.1')).toBe(in221);
  });

  it('flags x9xx as custom in 2.2.1 only', () => {
    expect(v221.describeStatusCode(2901)).toMatchObject({ custom: true, range: 'client-error' });
    expect(v221.describeStatusCode(4950)).toMatchObject({ custom: true, range: 'hub-error' });
    expect(v211.describeStatusCode(2901)).toMatchObject({ custom: false, range: 'client-error' });
  });
});
