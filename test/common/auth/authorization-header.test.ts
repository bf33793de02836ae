import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeCredential,
  defaultTokenEncoding,
  formatAuthorizationHeader,
  parseAuthorizationHeader,
} from '../../../src';
import { readSpecFile } from '../../support/spec';

// A credentials token per both specs: printable ASCII without whitespace, U+0021..U+007E.
const credentialsToken = fc.stringMatching(/^[\x21-\x7E]{1,64}$/);

describe('formatAuthorizationHeader', () => {
  it('sends the token as is in 2.1.1 and as Base64 of its UTF-8 bytes in 2.2.1', () => {
    expect(formatAuthorizationHeader('example-token', { version: '2.1.1' })).toBe('Token example-token');
    expect(formatAuthorizationHeader('example-token', { version: '2.2.1' })).toBe(
      'Token ZXhhbXBsZS10b2tlbg==',
    );
  });

  it('follows a per-partner switch either way', () => {
    expect(formatAuthorizationHeader('example-token', { version: '2.2.1', encoding: 'raw' })).toBe(
      'Token example-token',
    );
    expect(formatAuthorizationHeader('example-token', { version: '2.1.1', encoding: 'base64' })).toBe(
      'Token ZXhhbXBsZS10b2tlbg==',
    );
    expect(defaultTokenEncoding('2.1.1')).toBe('raw');
    expect(defaultTokenEncoding('2.2.1')).toBe('base64');
  });

  it('matches the 2.2.1 spec example, which encoded the token with a trailing newline', () => {
    // The spec shows `ZXhhbXBsZS10b2tlbgo=` for 'example-token'; those bytes end in "\n" (made with `echo`).
    const transport = readSpecFile('2.2.1', 'transport_and_format.asciidoc');
    const shown = /credentials token 'example-token'[\s\S]*?Authorization: Token (\S+)/.exec(transport)?.[1];
    expect(shown).toBe('ZXhhbXBsZS10b2tlbgo=');
    expect(decodeCredential(shown as string, 'base64')).toBe('example-token\n');
    expect(formatAuthorizationHeader('example-token', { version: '2.2.1' })).not.toBe(`Token ${shown}`);
  });

  it.each([
    ['', 'empty'],
    ['has space', 'whitespace'],
    ['tab\there', 'a tab'],
    ['naïve', 'non-ASCII'],
    ['line\n', 'a line break'],
  ])('refuses a token that is %j (%s) without quoting it', (token) => {
    expect(() => formatAuthorizationHeader(token, { version: '2.2.1' })).toThrow(
      new TypeError('A credentials token must be non-empty printable ASCII without whitespace'),
    );
  });

  it('round-trips every valid token in both encodings', () => {
    fc.assert(
      fc.property(credentialsToken, fc.constantFrom('2.1.1' as const, '2.2.1' as const), (token, version) => {
        const encoding = defaultTokenEncoding(version);
        const credential = parseAuthorizationHeader(formatAuthorizationHeader(token, { version }));
        expect(credential).toBeDefined();
        expect(decodeCredential(credential as string, encoding)).toBe(token);
      }),
    );
  });
});

describe('parseAuthorizationHeader', () => {
  it.each([
    ['Token abc', 'abc'],
    ['token abc', 'abc'],
    ['TOKEN  abc ', 'abc'],
    ['Bearer abc', undefined],
    ['Token', undefined],
    ['Token ', undefined],
    ['Token a b', undefined],
    ['Tokenabc', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('reads %j as %j', (header, credential) => {
    expect(parseAuthorizationHeader(header)).toBe(credential);
  });
});

describe('decodeCredential', () => {
  it('decodes Base64 of UTF-8, with or without padding', () => {
    expect(decodeCredential('ZXhhbXBsZS10b2tlbg==', 'base64')).toBe('example-token');
    expect(decodeCredential('ZXhhbXBsZS10b2tlbg', 'base64')).toBe('example-token');
    expect(decodeCredential(btoa('\u00e9t\u00e9'), 'base64')).toBeUndefined(); // Latin-1 bytes are not UTF-8
    expect(decodeCredential('w6l0w6k=', 'base64')).toBe('été');
  });

  it.each([
    ['ZXhh*', 'a character outside the alphabet'],
    ['ZXhhbXBsZS10b2tlbg-_', 'the URL-safe alphabet'],
    ['ZXhhb', 'a length no Base64 text has'],
    ['ZX=hbQ==', 'padding in the middle'],
    ['ZXhhbQ=', 'padding that does not complete a block'],
    ['', 'nothing'],
  ])('refuses %j (%s)', (credential) => {
    expect(decodeCredential(credential, 'base64')).toBeUndefined();
  });

  it('returns a raw credential unchanged', () => {
    expect(decodeCredential('ZXhhbXBsZS10b2tlbg==', 'raw')).toBe('ZXhhbXBsZS10b2tlbg==');
  });
});
