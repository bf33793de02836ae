import { constantTimeEqual, hashToken } from '@org/ocpi';
import { describe, expect, it } from 'vitest';

describe('hashToken', () => {
  it('is the SHA-256 digest of the token in lowercase hex (FIPS 180-2 test vectors)', async () => {
    expect(await hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await hashToken('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('gives different digests for tokens that differ in one character', async () => {
    expect(await hashToken('token-c')).not.toBe(await hashToken('token-d'));
  });
});

describe('constantTimeEqual', () => {
  it.each([
    ['token-c', 'token-c', true],
    ['token-c', 'token-d', false],
    ['token-c', 'token-', false],
    ['token-', 'token-c', false],
    ['', '', true],
    ['', 'x', false],
    // U+0000 past the end must not count as equal to a missing character.
    ['a\u0000', 'a', false],
  ])('%j and %j: %s', (a, b, equal) => {
    expect(constantTimeEqual(a, b)).toBe(equal);
  });

  it('reads every character whatever the first difference, so its time tells nothing about a guess', () => {
    // Counts the characters read: `===` would stop at the first difference (0 reads here, as it is native).
    const reads = (secret: string, guess: string) => {
      let count = 0;
      const counted = (text: string) =>
        Object.assign(new String(text), {
          charCodeAt(index: number) {
            count++;
            return String.prototype.charCodeAt.call(text, index);
          },
        }) as unknown as string;
      constantTimeEqual(counted(secret), counted(guess));
      return count;
    };
    const secret = 'A'.repeat(43);
    const wrongFirst = `B${'A'.repeat(42)}`;
    const wrongLast = `${'A'.repeat(42)}B`;
    expect(reads(secret, wrongFirst)).toBe(86);
    expect(reads(secret, wrongLast)).toBe(86);
    expect(reads(secret, secret)).toBe(86);
  });
});
